import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "veiligbestuur.settings.production")
application = get_wsgi_application()

# With `gunicorn --preload` the lines above run once, in the master, before the workers fork:
# no worker pays the start-up, and none may inherit a connection opened during it.
from django.db import connections  # noqa: E402

connections.close_all()
# Everything loaded at start-up lives as long as the process: keep it out of the cyclic
# garbage collector's full passes, which otherwise take ~150 ms here every few requests.
gc.collect()
gc.freeze()
