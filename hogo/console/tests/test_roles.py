import pytest
from django.apps import apps
from django.contrib.auth.models import AnonymousUser, Group, User
from django.test import Client

from hogo.console.selectors import user_has_role
from hogo.roles import Role, has_role, role_grant, role_revoke


def perms_of(role: Role) -> set[str]:
    group = Group.objects.get(name=role.value)
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}


@pytest.mark.django_db
def test_it_creates_a_group_for_every_role() -> None:
    assert set(Group.objects.values_list("name", flat=True)) >= {
        "privacy_officer",
        "desk_operator",
        "marketing_user",
        "auditor",
    }


@pytest.mark.django_db
def test_it_lets_the_officer_manage_staff_and_tokens() -> None:
    assert perms_of(Role.PRIVACY_OFFICER) >= {
        "auth.add_user",
        "auth.change_user",
        "auth.delete_user",
        "auth.view_user",
        "auth.change_group",
        "api.add_apitoken",
        "api.delete_apitoken",
        "throttle.view_throttle",
        "throttle.delete_throttle",
    }


@pytest.mark.django_db
def test_it_gives_the_auditor_view_permissions_only() -> None:
    perms = perms_of(Role.AUDITOR)
    assert {"auth.view_user", "auth.view_group", "api.view_apitoken"} <= perms
    assert all(p.split(".")[1].startswith("view_") for p in perms)


@pytest.mark.django_db
def test_it_lets_the_officer_and_the_auditor_read_policy_versions_and_the_audit_log() -> None:
    for role in (Role.PRIVACY_OFFICER, Role.AUDITOR):
        assert {"policy.view_policyversion", "audit.view_auditevent"} <= perms_of(role)
    for role in (Role.DESK_OPERATOR, Role.MARKETING_USER):
        assert not {"policy.view_policyversion", "audit.view_auditevent"} & perms_of(role)


@pytest.mark.django_db
def test_role_grant_adds_permissions_by_dotted_name() -> None:
    role_grant(apps, Role.DESK_OPERATOR, ["auth.view_group"])
    assert "auth.view_group" in perms_of(Role.DESK_OPERATOR)
    role_revoke(apps, Role.DESK_OPERATOR, ["auth.view_group"])
    assert "auth.view_group" not in perms_of(Role.DESK_OPERATOR)


@pytest.mark.django_db
def test_role_grant_names_a_permission_that_does_not_exist() -> None:
    with pytest.raises(LookupError, match=r"no permission auth\.fly_user"):
        role_grant(apps, Role.DESK_OPERATOR, ["auth.fly_user"])
    with pytest.raises(ValueError, match=r"app_label\.codename"):
        role_grant(apps, Role.DESK_OPERATOR, ["view_user"])


def test_has_role_is_true_only_for_the_roles_held(officer: User, outsider: User) -> None:
    assert has_role(officer, Role.PRIVACY_OFFICER)
    assert has_role(officer, Role.AUDITOR, "privacy_officer")
    assert not has_role(officer, Role.AUDITOR)
    assert not has_role(outsider, *Role.values)
    assert not has_role(AnonymousUser(), Role.PRIVACY_OFFICER)
    assert user_has_role(officer, Role.PRIVACY_OFFICER)


def test_has_role_refuses_a_deactivated_user(officer: User) -> None:
    officer.is_active = False
    officer.save()
    assert not has_role(officer, Role.PRIVACY_OFFICER)


@pytest.mark.django_db
def test_has_role_counts_a_superuser_as_every_role() -> None:
    root = User.objects.create_superuser("root", password="correct horse battery staple")
    assert has_role(root, Role.AUDITOR)


def test_has_role_rejects_a_misspelt_role(officer: User) -> None:
    with pytest.raises(ValueError, match="unknown role"):
        has_role(officer, "privacy_oficer")


def test_the_officer_sees_staff_accounts_in_the_admin(officer: User, client: Client) -> None:
    client.force_login(officer)
    response = client.get("/console/admin/")
    assert response.status_code == 200
    assert b"/console/admin/auth/user/" in response.content
    assert client.get("/console/admin/auth/user/").status_code == 200


def test_the_auditor_can_look_but_not_add(auditor: User, client: Client) -> None:
    client.force_login(auditor)
    assert client.get("/console/admin/auth/user/").status_code == 200
    assert client.get("/console/admin/auth/user/add/").status_code == 403


def test_an_outsider_sees_no_models_and_is_refused_model_pages(
    outsider: User, client: Client
) -> None:
    client.force_login(outsider)
    response = client.get("/console/admin/")
    assert response.status_code == 200
    assert b"/console/admin/auth/user/" not in response.content
    assert response.context["app_list"] == []
    assert client.get("/console/admin/auth/user/").status_code == 403
    assert client.get("/console/admin/throttle/throttle/").status_code == 403


def test_the_console_home_asks_for_the_log_in(officer: User, client: Client) -> None:
    """/console/ is the dashboard (hogo/board, its own tests); logged out, the admin's log-in."""
    response = client.get("/console/")
    assert response.status_code == 302
    assert response["Location"] == "/console/admin/login/?next=/console/"
