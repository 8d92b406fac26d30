"""Webhook: a JSON POST per queued delivery with ``Idempotency-Key: <task id>:v<version>``,
so a receiver that honours the key applies each delivery once even when it is repeated
after a crash or a lost answer. The body::

    {"event": "upsert" | "withdrawn", "task_id": ..., "version": n, "payload_hash": ...,
     "task": {...} | null}

``version`` grows with every change of the task: a receiver keeps the highest it has seen.
A task withdrawn on ``reprocess`` is announced with ``"event": "withdrawn"``."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from dataclasses import dataclass

from .base import Delivery, Result

RETRYABLE = {408, 409, 425, 429}


@dataclass
class WebhookSink:
    name: str
    url: str
    timeout: float = 10.0

    def deliver(self, deliveries: list[Delivery], all_tasks: list[dict]) -> list[Result]:
        """POST each delivery; after a connection failure the rest of the batch waits for the
        next try instead of each waiting for its own timeout."""
        results: list[Result] = []
        for d in deliveries:
            down = results and results[-1].error and not results[-1].error.startswith("HTTP")
            results.append(Result(d.outbox_id, results[-1].error) if down else self._post(d))
        return results

    def _post(self, d: Delivery) -> Result:
        if d.data is None and not d.withdrawn:
            return Result(d.outbox_id)
        body = json.dumps({"event": "withdrawn" if d.withdrawn else "upsert", "task_id": d.task_id,
                           "version": d.version, "payload_hash": d.payload_hash, "task": d.data},
                          ensure_ascii=False).encode("utf-8")
        req = urllib.request.Request(self.url, data=body, method="POST", headers={
            "Content-Type": "application/json; charset=utf-8",
            "Idempotency-Key": f"{d.task_id}:v{d.version}",
            "User-Agent": "circulars",
        })
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                resp.read()
            return Result(d.outbox_id)
        except urllib.error.HTTPError as e:
            permanent = 400 <= e.code < 500 and e.code not in RETRYABLE
            return Result(d.outbox_id, f"HTTP {e.code} {e.reason}", permanent=permanent)
        except (OSError, ValueError) as e:
            return Result(d.outbox_id, f"{type(e).__name__}: {e}")
