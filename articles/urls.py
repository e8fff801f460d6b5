from django.urls import path

from articles import views

app_name = "articles"
urlpatterns = [
    path("", views.article_list, name="list"),
    path("upload/", views.upload, name="upload"),
    path("<int:pk>/", views.article_detail, name="detail"),
    path("<int:pk>/raw/", views.article_raw, name="raw"),
    path("<int:pk>/retry/", views.article_retry, name="retry"),
    path("<int:pk>/published/", views.article_published, name="published"),
]
