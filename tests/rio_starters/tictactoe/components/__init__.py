from .field import Field
