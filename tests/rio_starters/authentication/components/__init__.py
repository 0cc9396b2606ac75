from .navbar import Navbar
from .testimonial import Testimonial
from .news_article import NewsArticle
from .root_component import RootComponent
from .user_sign_up_form import UserSignUpForm
