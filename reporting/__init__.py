"""Registration and evaluation of meldingen: dashboards, national overview, exports, yearly
evaluation, retention, purge and erasure on request. Reads meldingen and partners; they never
import it."""
