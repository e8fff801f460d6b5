"""The upload form and the article list's filters."""

from __future__ import annotations

from django import forms
from django.db.models import Q

from articles import uploads
from articles.extraction.cleaning import Document
from articles.models import Article

BOTH_CONTENTS = "Paste text or choose files, not both."
ONE_ARTICLE_FIELDS = "A title or URL belongs to one article: give them only when uploading one file."
PASTED_FILENAME = "pasted.txt"


class IsoDateInput(forms.DateInput):
    """A date typed as YYYY-MM-DD, the form every page shows dates in.

    `<input type="date">` shows the browser's locale format instead (mm/dd/yyyy
    in en-US), so the filters would read one way and the timeline another.
    """

    input_type = "text"

    def __init__(self, attrs=None):
        iso = {"placeholder": "YYYY-MM-DD", "pattern": r"\d{4}-\d{2}-\d{2}", "inputmode": "numeric", "size": 10}
        super().__init__(attrs={**iso, "autocomplete": "off", **(attrs or {})}, format="%Y-%m-%d")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file field that takes several files (after Django's documented recipe)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ",".join(uploads.SUPPORTED_EXTENSIONS)}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        # Each file is checked in UploadForm.clean_files, with its name in the message.
        files = [item for item in (data if isinstance(data, list | tuple) else [data]) if item]
        if self.required and not files:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return files


class UploadForm(forms.Form):
    """Pasted text or one or many files, with what the uploader knows about the article.

    Every file is read here, so a bad file is reported before anything is stored;
    `uploads` holds what the view hands to uploads.create_article.
    """

    text = forms.CharField(
        label="Paste the article text", widget=forms.Textarea(attrs={"rows": 12}), required=False, strip=False
    )
    # A declared field: the form's metaclass moves it to base_fields, so BaseForm.files stays the request's files.
    files = MultipleFileField(  # type: ignore[assignment]  # see the line above
        label="Or choose files",
        required=False,
        help_text="Plain text, Markdown or a saved web page (.txt, .md, .html, .htm).",
    )
    title = forms.CharField(max_length=500, required=False)
    url = forms.URLField(label="URL", max_length=2000, required=False, assume_scheme="https")
    outlet = forms.CharField(max_length=200, required=False)
    published = forms.DateField(
        label="Publication date",
        required=False,
        widget=IsoDateInput(),
        help_text="Leave empty to use the date the article states. Relative dates are read against it.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["files"].help_text += f" At most {uploads.max_upload_size()} each."
        self.uploads: list[tuple[uploads.Upload, Document]] = []
        self.pasted: tuple[uploads.Upload, Document] | None = None

    def clean_published(self):
        published = self.cleaned_data.get("published")
        try:
            uploads.check_published(published)
        except uploads.InvalidUpload as error:
            raise forms.ValidationError(str(error), code="published") from None
        return published

    def clean_files(self):
        files = self.cleaned_data.get("files") or []
        errors = []
        for file in files:
            name = file.name or "The file"
            try:
                # Size and type first: a 50 MB PDF is refused without reading it.
                uploads.check_filename(file.name or "")
                uploads.check_size(file.size)
                content_type = uploads.media_type(file.content_type or "", file.name or "")
                upload = uploads.Upload(raw=file.read(), filename=file.name or "", content_type=content_type)
                self.uploads.append((upload, uploads.read_upload(upload)))
            except uploads.InvalidUpload as error:
                errors.append(forms.ValidationError(f"{name}: {error}", code="invalid_file"))
        if errors:
            self.uploads = []
            raise forms.ValidationError(errors)
        return files

    def clean_text(self):
        text = self.cleaned_data.get("text") or ""
        if not text.strip():
            return ""
        upload = uploads.Upload(
            raw=text.encode("utf-8"), filename=PASTED_FILENAME, content_type="text/plain; charset=utf-8"
        )
        try:
            uploads.check_size(len(upload.raw))
        except uploads.InvalidUpload:
            message = uploads.TEXT_TOO_LARGE.format(limit=uploads.max_upload_size())
            raise forms.ValidationError(message, code="too_large") from None
        try:
            self.pasted = (upload, uploads.read_upload(upload))
        except uploads.InvalidUpload as error:
            raise forms.ValidationError(str(error), code="invalid_text") from None
        return text

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        text, files = cleaned.get("text"), cleaned.get("files")
        if "text" in self.errors or "files" in self.errors:
            return cleaned
        if text and files:
            raise forms.ValidationError(BOTH_CONTENTS, code="both")
        if not text and not files:
            raise forms.ValidationError(uploads.NO_CONTENT, code="empty")
        if text and self.pasted:
            self.uploads = [self.pasted]
        if len(self.uploads) > 1 and (cleaned.get("title") or cleaned.get("url")):
            raise forms.ValidationError(ONE_ARTICLE_FIELDS, code="one_article")
        return cleaned


class PublishedForm(forms.Form):
    """An editor's publication date for an article: the report date of its records without a day."""

    published = forms.DateField(
        label="Publication date",
        widget=IsoDateInput(),
        error_messages={"invalid": "Give the date as YYYY-MM-DD, e.g. 2024-03-05."},
        help_text="Records whose text gives no day are placed on the timeline at this date.",
    )

    def clean_published(self):
        published = self.cleaned_data["published"]
        try:
            uploads.check_published(published)
        except uploads.InvalidUpload as error:
            raise forms.ValidationError(str(error), code="published") from None
        return published


class ArticleFilterForm(forms.Form):
    """The article list's GET parameters; a bad value is a 400, not a 500."""

    q = forms.CharField(label="Title or outlet", max_length=200, required=False)
    status = forms.ChoiceField(choices=[("", "Any status"), *Article.Status.choices], required=False)
    ids = forms.CharField(required=False, max_length=2000, widget=forms.HiddenInput)
    page = forms.IntegerField(min_value=1, required=False, widget=forms.HiddenInput)

    def clean_ids(self) -> list[int]:
        value = self.cleaned_data.get("ids") or ""
        try:
            return [int(part) for part in value.split(",") if part.strip()]
        except ValueError:
            raise forms.ValidationError("ids must be article numbers separated by commas.", code="ids") from None

    def articles(self):
        articles = Article.objects.defer("raw", "text")
        if q := self.cleaned_data.get("q"):
            articles = articles.filter(Q(title__icontains=q) | Q(outlet__icontains=q) | Q(filename__icontains=q))
        if status := self.cleaned_data.get("status"):
            articles = articles.filter(status=status)
        if ids := self.cleaned_data.get("ids"):
            articles = articles.filter(pk__in=ids)
        return articles.order_by("-uploaded_at", "-id")
