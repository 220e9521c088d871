"""Luoshi settings: 12-factor, every knob from the environment (documented in .env.example)."""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE

from luoshi.conf import (
    data_dir,
    demo_secret,
    env_bool,
    env_float,
    env_int,
    env_list,
    env_secret,
    env_str,
    trusted_proxy,
)

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = data_dir()

DEBUG = env_bool("LUOSHI_DEBUG", False)
# The demo is a flag of the command that starts it (`luoshi demo` sets LUOSHI_DEMO=1 in its own process),
# never a file in the data directory; only then is the demo's own random secret read from there.
DEMO = env_bool("LUOSHI_DEMO", False)
SECRET_KEY = env_secret("LUOSHI_SECRET_KEY", required=False) or (demo_secret(DATA_DIR) if DEMO else "") or (
    env_secret("LUOSHI_SECRET_KEY", required=not DEBUG, fallback="luoshi-debug-only-insecure-key"))
ALLOWED_HOSTS = env_list("LUOSHI_ALLOWED_HOSTS", "127.0.0.1,localhost" if (DEBUG or DEMO) else "")
CSRF_TRUSTED_ORIGINS = env_list("LUOSHI_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "axes",
    "csp",
    "luoshi.core",
    "luoshi.units",
    "luoshi.accounts",
    "luoshi.notices",
    "luoshi.plans",
    "luoshi.enterprises",
    "luoshi.review",
    "luoshi.figures",
    "luoshi.projects",
    "luoshi.tasks",
    "luoshi.chains",
    "luoshi.attraction",
    "luoshi.demo",
    "luoshi.verdicts",
    "luoshi.dashboard",
    "luoshi.briefings",
    "luoshi.pledge",
    "luoshi.compare",
    "ninja",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "luoshi.core.middleware.DefaultLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "luoshi.core.middleware.NulFreeQueryMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "luoshi.core.middleware.ChangeContextMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "luoshi.urls"
WSGI_APPLICATION = "luoshi.wsgi.application"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "luoshi.notices.context_processors.unread",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{DATA_DIR / 'luoshi.sqlite3'}"),
        conn_max_age=env_int("LUOSHI_DB_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers run beside the writer; IMMEDIATE transactions and a busy timeout make concurrent
    # writers queue for the lock instead of failing with "database is locked" halfway through, and Luoshi's
    # backend queues a server's threads in turn (luoshi.core.backends.sqlite3).
    DATABASES["default"]["ENGINE"] = "luoshi.core.backends.sqlite3"
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": env_int("LUOSHI_SQLITE_TIMEOUT", 30),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": env_int("LUOSHI_PASSWORD_MIN_LENGTH", 10)}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login throttling (django-axes): LUOSHI_LOGIN_FAILURES wrong passwords for one account lock it for
# LUOSHI_LOGIN_COOLOFF_MINUTES (or until `luoshi manage axes_reset_username NAME`); every failure is logged.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "luoshi.accounts.backends.UserBackend"]
AXES_FAILURE_LIMIT = env_int("LUOSHI_LOGIN_FAILURES", 10)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LUOSHI_LOGIN_COOLOFF_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_LOCKOUT_CALLABLE = "luoshi.accounts.views.locked_out"
# The account is what is locked: an address-wide lock would shut out a whole office behind one NAT address.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]

SESSION_ENGINE = "luoshi.accounts.sessions"  # Django's database sessions, read by a prepared statement
SESSION_COOKIE_AGE = env_int("LUOSHI_SESSION_HOURS", 12) * 3600
SESSION_EXPIRE_AT_BROWSER_CLOSE = env_bool("LUOSHI_SESSION_BROWSER_CLOSE", False)

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = env_str("LUOSHI_TIME_ZONE", "Asia/Shanghai")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "luoshi.core.staticfiles.StaticFilesStorage"},
}
MEDIA_ROOT = DATA_DIR / "media"
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = ("jpg", "jpeg", "png", "gif", "webp", "zip", "gz", "tgz", "bz2", "tbz",
                                       "xz", "br", "swf", "flv", "woff", "woff2", "map", "ttf", "otf")

# Security: strict by default; a plain-HTTP intranet sets LUOSHI_HTTPS=0.
HTTPS = env_bool("LUOSHI_HTTPS", not (DEBUG or DEMO))
SECURE_SSL_REDIRECT = HTTPS and env_bool("LUOSHI_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = env_int("LUOSHI_HSTS_SECONDS", 31536000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
# X-Forwarded-Proto is believed only from the proxy named in LUOSHI_TRUSTED_PROXY (luoshi serve drops it
# from any other peer), so HTTPS behind it is recognised instead of redirecting to itself.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if trusted_proxy() else None
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"  # nosniff, Referrer-Policy and COOP "same-origin": Django's defaults, kept
# Content-Security-Policy (django-csp): scripts, style sheets and everything else only from this server.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # Style attributes only (no <style> element, no foreign sheet): the vendored ECharts' SVG renderer
        # and tooltips write them; scripts stay strictly from this server.
        "style-src-attr": [UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# Judgement tolerances (状态阈值): settings, not constants in code. Names and meanings are those of
# luoshi.lib.judgement.Tolerances; each can be set as LUOSHI_TOL_<NAME>, e.g. LUOSHI_TOL_LEVEL_YELLOW=0.05.
LUOSHI_TOLERANCES = {
    name: env_float(f"LUOSHI_TOL_{name.upper()}", default)
    for name, default in {
        "level_yellow": 0.05, "stock_yellow": 0.10, "growth_yellow_pp": 1.0, "share_yellow_pp": 1.0,
        "reduction_yellow_pp": 0.5, "approx_band": 0.02, "approx_band_pp": 0.3, "milestone_warn_days": 15,
    }.items()
}
# A year-to-date figure more than this factor off the previous period's pace needs a written reason.
LUOSHI_JUMP_FACTOR = env_float("LUOSHI_JUMP_FACTOR", 3.0)
# The statistical series in which key projects report their completed investment (重点项目完成投资).
LUOSHI_PROJECT_SERIES = env_str("LUOSHI_PROJECT_SERIES", "重点项目完成投资")
# The briefing (通报) as a 公文 (GB/T 9704): the issuing organ (default: the region's 发展和改革委员会), its red
# 发文机关标志 (default: organ + 文件), the 文号 template ({year} of issue, {n} the serial), the 印发机关
# (default: organ + 办公室) and the 公开属性.
LUOSHI_ORGAN_NAME = env_str("LUOSHI_ORGAN_NAME")
LUOSHI_ORGAN_MARK = env_str("LUOSHI_ORGAN_MARK")
LUOSHI_DOC_NUMBER = env_str("LUOSHI_DOC_NUMBER", "落实通〔{year}〕{n}号")
LUOSHI_DOC_PRINTER = env_str("LUOSHI_DOC_PRINTER")
LUOSHI_DOC_OPENNESS = env_str("LUOSHI_DOC_OPENNESS", "此件不公开")
# Uploads are read within bounds (luoshi.lib.bounded.Limits; each is LUOSHI_UPLOAD_<NAME>, see .env.example).
LUOSHI_UPLOAD_LIMITS = {
    "max_bytes": env_int("LUOSHI_UPLOAD_MAX_MB", 10) * 1024 * 1024,
    "max_rows": env_int("LUOSHI_UPLOAD_MAX_ROWS", 100_000),
    "max_columns": env_int("LUOSHI_UPLOAD_MAX_COLUMNS", 200),
    "max_cells": env_int("LUOSHI_UPLOAD_MAX_CELLS", 2_000_000),
    "max_unpacked": env_int("LUOSHI_UPLOAD_MAX_UNPACKED_MB", 100) * 1024 * 1024,
    "max_ratio": env_int("LUOSHI_UPLOAD_MAX_RATIO", 100),
    "seconds": env_float("LUOSHI_UPLOAD_SECONDS", 20.0),
    "max_pages": env_int("LUOSHI_UPLOAD_MAX_PAGES", 1000),
    "max_text": env_int("LUOSHI_UPLOAD_MAX_TEXT", 500_000),
    "max_sentence": env_int("LUOSHI_UPLOAD_MAX_SENTENCE", 10_000),
}
LUOSHI_UPLOAD_PREVIEW_HOURS = env_int("LUOSHI_UPLOAD_PREVIEW_HOURS", 24)
LUOSHI_EVIDENCE_MAX_MB = env_int("LUOSHI_EVIDENCE_MAX_MB", 20)

EMAIL_HOST = env_str("LUOSHI_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("LUOSHI_EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("LUOSHI_EMAIL_USER")
EMAIL_HOST_PASSWORD = env_secret("LUOSHI_EMAIL_PASSWORD", required=False)
EMAIL_USE_TLS = env_bool("LUOSHI_EMAIL_TLS", False)
DEFAULT_FROM_EMAIL = env_str("LUOSHI_EMAIL_FROM", "luoshi@localhost")
EMAIL_TIMEOUT = env_int("LUOSHI_EMAIL_TIMEOUT", 10)
# Notices (站内通知) also go by email when this is on and the person has an address and has not turned it off;
# LUOSHI_SITE_URL (e.g. https://luoshi.example.gov.cn) puts each notice's page into the mail.
LUOSHI_EMAIL_NOTICES = env_bool("LUOSHI_EMAIL_NOTICES", True)
LUOSHI_SITE_URL = env_str("LUOSHI_SITE_URL")

# Rendered dashboard cards, keyed by their kept verdict's version (luoshi/dashboard/templatetags/cards.py): one
# process's memory; a city's board is 300 cards.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                      "OPTIONS": {"MAX_ENTRIES": 50000}}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LUOSHI_LOG_LEVEL", "WARNING")},
}
