"""The two groups of analysts: viewers browse and export; editors also upload and review."""

from django.contrib.auth.models import Group, Permission

VIEWER_PERMISSIONS = [
    "view_article",
    "view_event",
    "view_lossreport",
    "view_aidpledge",
    "view_place",
    "view_equipment",
    "view_revision",
]
EDITOR_PERMISSIONS = VIEWER_PERMISSIONS + [
    "add_article",  # upload
    "change_article",  # retry a failed article, re-extract
    "change_event",  # review: confirm, edit, reject
    "change_lossreport",
    "change_aidpledge",
]


def ensure_groups() -> dict[str, Group]:
    """Create or update the "viewer" and "editor" groups with their permissions."""
    groups = {}
    for name, codenames in (("viewer", VIEWER_PERMISSIONS), ("editor", EDITOR_PERMISSIONS)):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(Permission.objects.filter(content_type__app_label="articles", codename__in=codenames))
        groups[name] = group
    return groups
