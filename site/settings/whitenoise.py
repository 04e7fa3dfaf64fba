"""Static files from the web processes themselves (behind the CDN): no separate file server."""


def with_whitenoise(middleware: list[str]) -> list[str]:
    """WhiteNoise right after SecurityMiddleware, as it asks (monitoring and request ids stay
    before it)."""
    at = middleware.index("django.middleware.security.SecurityMiddleware") + 1
    return [*middleware[:at], "whitenoise.middleware.WhiteNoiseMiddleware", *middleware[at:]]
