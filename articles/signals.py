"""What the articles app tells the rest of the project, without depending on it.

The dashboard keeps snapshots of numbers computed from the records (its charts, its
filter lists); the worker says when it has written articles, and the dashboard
(dashboard/apps.py) decides whether to refresh them. Articles never import the dashboard.
"""

from django.dispatch import Signal

# Sent by the worker after a batch of articles is written (done or failed), with
# `article_ids`: the articles of the batch. Receivers run in the worker's process.
articles_processed = Signal()
