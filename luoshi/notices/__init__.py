"""站内通知: the inbox (and optional email) every app writes to through `notices.delivery.notify`.

A low app: it knows accounts and units, never the apps whose events it carries (tasks, figures, projects,
plans); those compose their own notices and hand them here.
"""
