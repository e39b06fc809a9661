"""What every workbench page shares: its head, its Content-Security-Policy, the way it is
sent, and JSON safe to embed in it."""

from __future__ import annotations

import html
from typing import Any

__all__ = ["CSP", "html_page", "page_head", "script_json"]

#: Only this server's own scripts, styles, data and frames; nothing from anywhere else.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "connect-src 'self'; img-src 'self' data:; frame-src 'self'; "
       "base-uri 'none'; form-action 'none'; frame-ancestors 'self'")


def script_json(data: Any) -> str:
    """JSON that is safe inside a <script type="application/json"> element."""
    from ..outputs.page import script_json as page_script_json

    return page_script_json(data)


def page_head(title: str, body_class: str = "") -> str:
    """The start of every workbench page, up to and including <body>."""
    body = f'<body class="{html.escape(body_class)}">' if body_class else "<body>"
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{html.escape(title)}</title>"
            f'<link rel="stylesheet" href="/static/workbench.css"></head>{body}')


def html_page(handler: Any, status: int, body: str,
              extra: dict[str, str] | None = None) -> None:
    """Send a workbench page under the workbench's Content-Security-Policy."""
    handler._send(status, body.encode("utf-8"), "text/html; charset=utf-8",
                  {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
                   "Referrer-Policy": "no-referrer", **(extra or {})})
