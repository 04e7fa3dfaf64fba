"""The production Redis cache backend, noting each round trip (for tests that count them)."""

from django_redis.cache import RedisCache

ROUND_TRIPS: list[str] = []


class CountingRedisCache(RedisCache):
    def get(self, key, *args, **kwargs):
        ROUND_TRIPS.append(f"get {key}")
        return super().get(key, *args, **kwargs)

    def get_many(self, keys, *args, **kwargs):
        ROUND_TRIPS.append(f"get_many {len(keys)}")
        return super().get_many(keys, *args, **kwargs)

    def set(self, key, *args, **kwargs):
        ROUND_TRIPS.append(f"set {key}")
        return super().set(key, *args, **kwargs)
