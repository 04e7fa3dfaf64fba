"""Registration and evaluation of meldingen (issue 6): dashboards, national overview, exports,
yearly evaluation, avoidance signals and retention. Its own app (label ``registration``) so its
migrations never collide with those of ``workflows``."""
