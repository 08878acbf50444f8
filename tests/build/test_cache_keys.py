"""Every file of package data belongs to the cache key of the module that reads it."""

from helpers import config
from helpers.build import cache


def test_every_package_data_file_is_in_some_modules_cache_key():
    claimed = {path for patterns in cache.MODULE_FILES.values() for pattern in patterns
               for path in config.PACKAGE_DATA_DIR.parent.glob(pattern)}
    data_files = set(config.PACKAGE_DATA_DIR.glob("*.csv"))
    assert data_files <= claimed, (
        f"package data no module's cache key covers: {sorted(p.name for p in data_files - claimed)}"
        "; add it to cache.MODULE_FILES under the module that reads it")

