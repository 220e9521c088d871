"""Luoshi's database backends: Django's own, with what a server of many threads needs of them."""
