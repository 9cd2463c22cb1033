"""Browser tests of the shipped site (see conftest.py). A package, so its module names
(test_pages, support, ...) never clash with those in tests/."""
