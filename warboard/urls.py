from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

# Accounts: log in, log out and change one's password. No password reset by email:
# Warboard sends no mail (a reset would fail on the missing mail server with a 500);
# an administrator sets a forgotten password in the admin.
account_urls = [
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password_change/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("password_change/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
]

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include(account_urls)),
    path("articles/", include("articles.urls")),
    path("", include("dashboard.urls")),
]
