"""Make a fresh database ready for a demo: groups, the analyst account, gazetteers, seed articles.

    WARBOARD_ADMIN_PASSWORD=... manage.py bootstrap_demo

Safe to run again: groups are updated, the account is kept (its password is
reset only when WARBOARD_ADMIN_PASSWORD is set), and the seed articles are
stored once (SHA-256 dedupe).
"""

import datetime
import json
import os
import secrets

from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from articles import processing, tasks, uploads
from articles.models import Article
from articles.roles import ensure_groups

ANALYST = "analyst"
SEED_DIR = settings.BASE_DIR / "tests" / "fixtures" / "seed"


SEEDS = ("seed-000.txt", "seed-001.txt", "seed-004.txt")


def seed_articles() -> list[tuple[str, datetime.date | None]]:
    """The seed files with the publication dates their uploader knows.

    seed-000 and seed-001 do not state their date, so it is supplied (from their gold
    files, as an uploader who knows the article would); seed-004 states its own
    ("date 2024-01-04"), so none is supplied and cleaning finds it.
    """
    seeds = []
    for filename in SEEDS:
        gold = json.loads((SEED_DIR / filename).with_suffix(".gold.json").read_text(encoding="utf-8"))
        supplied = None if gold.get("published_in_text") else datetime.date.fromisoformat(gold["published"])
        seeds.append((filename, supplied))
    return seeds


class Command(BaseCommand):
    help = "Create the groups and the analyst account, load the gazetteers and ingest the seed articles."

    def handle(self, *args, **options):
        ensure_groups()
        self.ensure_analyst()
        if "load_gazetteers" in get_commands():
            call_command("load_gazetteers", stdout=self.stdout, stderr=self.stderr)
        else:
            self.stdout.write("No load_gazetteers command yet: places and equipment not loaded.")
        self.ingest_seeds()

    def ensure_analyst(self) -> None:
        password = os.environ.get("WARBOARD_ADMIN_PASSWORD", "")
        if password:
            # The same rules as the password change form: this account is a staff editor.
            try:
                validate_password(password, User(username=ANALYST))
            except ValidationError as error:
                raise CommandError(
                    "WARBOARD_ADMIN_PASSWORD is not accepted: "
                    + " ".join(error.messages)
                    + " Choose a stronger one, or unset it for a generated password."
                ) from None
        generated = ""
        with transaction.atomic():
            user, created = User.objects.get_or_create(username=ANALYST, defaults={"is_staff": True})
            user.is_staff = True
            if created and not password:
                generated = secrets.token_urlsafe(15)
            if password or generated:
                user.set_password(password or generated)
            user.save()
            user.groups.add(ensure_groups()["editor"])
        if generated:
            self.stdout.write(
                self.style.WARNING(f"Created user {ANALYST!r} with password {generated}  (shown once: note it now)")
            )
        elif created:
            self.stdout.write(f"Created user {ANALYST!r} with the password in WARBOARD_ADMIN_PASSWORD.")
        else:
            reset = " (password reset from WARBOARD_ADMIN_PASSWORD)" if password else ""
            self.stdout.write(f"User {ANALYST!r} exists{reset}.")

    def ingest_seeds(self) -> None:
        # A worker stopped hard by the last run (kill -9, a crash) left its article processing.
        requeued = tasks.requeue_stuck()
        if requeued:
            ids = ", ".join(map(str, requeued))
            self.stdout.write(f"Queued again article(s) {ids}: their worker stopped while processing them.")
        for filename, published in seed_articles():
            path = SEED_DIR / filename
            upload = uploads.Upload(raw=path.read_bytes(), filename=filename, content_type="text/plain")
            result = uploads.create_article(upload, published=published, enqueue=False)
            article = result.article
            if article.status == Article.Status.QUEUED:
                # Processed here, not by a worker, so the demo has records at once.
                processing.process_article(article.pk)
                article.refresh_from_db()
            state = "new" if result.created else "already there"
            self.stdout.write(f"{filename}: article {article.pk} ({state}, {article.get_status_display().lower()})")
