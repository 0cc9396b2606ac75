from .footer import Footer

__all__ = ["Footer"]
