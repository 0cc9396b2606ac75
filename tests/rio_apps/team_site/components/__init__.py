from .member_card import MemberCard
from .navbar import Navbar

__all__ = ["MemberCard", "Navbar"]
