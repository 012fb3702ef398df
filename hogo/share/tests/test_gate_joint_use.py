"""Joint use (APPI Art. 27(5)(iii)): only as the notice publishes it — the policy announces
joint use and names the recipient among the users, and the recorded particulars (items,
purposes) cover what is provided."""

from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from hogo.errors import Refused
from hogo.policy.schema import Policy
from hogo.policy.services import policy_file_read, policy_load
from hogo.policy.tests.helpers import reference_data, toml_dumps
from hogo.share.gate import provision_make
from hogo.share.models import JointUse, Recipient, RecipientKind
from hogo.share.records import JointUseIn, ProvisionRefusalReason
from hogo.share.services import joint_use_end, joint_use_record
from hogo.tests.share import ACTOR, CAMPAIGN, person, recipient
from hogo.vault.provision import subject_provision_stop

COUNCIL = "Kyushu Automation Council"


def with_joint_use(users: str = COUNCIL) -> None:
    """Loads the reference policy with a joint-use announcement as a new version."""
    data = reference_data()
    data["provision"]["recipient_kinds"].append(
        {
            "id": "joint_user",
            "clause": "5.4",
            "title": {"ja": "共同利用", "en": "Joint use"},
            "description": {"ja": "下記のとおり共同利用します。", "en": "Used jointly as below."},
            "requires_consent": False,
        }
    )
    data["provision"]["joint_use"] = {
        "items": {"ja": "氏名、メールアドレス", "en": "Name, e-mail address"},
        "users": {"ja": f"当協会および{users}", "en": f"The Association and {users}"},
        "purposes": {"ja": "セミナーの共同開催のご案内", "en": "Invitations to joint seminars"},
        "responsible": {"ja": "CC-Link協会", "en": "CC-Link Partner Association"},
    }
    policy_load(text=toml_dumps(data), note="joint use")


def council() -> Recipient:
    joint = recipient(RecipientKind.JOINT_USER, COUNCIL)
    joint_use_record(
        actor=ACTOR,
        recipient_id=joint.ref,
        joint_use=JointUseIn(
            categories=["name", "email"],
            purposes=[CAMPAIGN],
            responsible_name="CC-Link Partner Association",
            responsible_address="Nagoya",
            responsible_representative="Chairman",
            starts_on=timezone.localdate(),
        ),
    )
    return joint


def test_it_provides_for_joint_use_as_published(policy: Policy) -> None:
    with_joint_use()
    joint = council()
    member = person()
    stopped = person("stopped@example.jp")
    subject_provision_stop(actor=ACTOR, subject_id=stopped)
    result = provision_make(
        actor=ACTOR,
        recipient_id=joint.ref,
        purpose=CAMPAIGN,
        subject_ids=[member, stopped],
        categories=["name", "email"],
    )
    assert result.basis == "joint_use"
    assert result.provided == [member]
    assert [(r.subject_id, r.reason) for r in result.refused] == [
        (stopped, ProvisionRefusalReason.PROVISION_STOPPED)
    ]


def test_it_refuses_joint_use_the_policy_does_not_offer(policy: Policy) -> None:
    """The reference policy offers no joint use: no such recipient can even be registered."""
    with pytest.raises(Refused) as caught:
        recipient(RecipientKind.JOINT_USER, COUNCIL)
    assert caught.value.code == "kind_not_in_policy"


def test_it_refuses_a_joint_user_the_notice_does_not_name(policy: Policy) -> None:
    with_joint_use(users="Tohoku Robotics Forum")
    joint = recipient(RecipientKind.JOINT_USER, COUNCIL)
    with pytest.raises(Refused, match="does not name") as caught:
        joint_use_record(
            actor=ACTOR,
            recipient_id=joint.ref,
            joint_use=JointUseIn(
                ["email"], [CAMPAIGN], "CLPA", "Nagoya", "Chairman", timezone.localdate()
            ),
        )
    assert caught.value.code == "not_published"


def test_it_refuses_once_the_policy_stops_publishing_it(policy: Policy) -> None:
    with_joint_use()
    joint = council()
    policy_load(text=policy_file_read(path=Path(settings.POLICY_FILE)), note="back")
    with pytest.raises(Refused) as caught:
        provision_make(
            actor=ACTOR,
            recipient_id=joint.ref,
            purpose=CAMPAIGN,
            subject_ids=[person()],
            categories=["email"],
        )
    assert caught.value.code == "kind_not_in_policy"


def test_it_refuses_items_outside_the_joint_use_and_ended_joint_use(policy: Policy) -> None:
    with_joint_use()
    joint = council()
    subject_id = person()
    with pytest.raises(Refused, match="organization") as caught:
        provision_make(
            actor=ACTOR,
            recipient_id=joint.ref,
            purpose=CAMPAIGN,
            subject_ids=[subject_id],
            categories=["email", "organization"],
        )
    assert caught.value.code == "outside_joint_use"
    joint_use_end(actor=ACTOR, joint_use_id=JointUse.objects.get().ref, on=timezone.localdate())
    with pytest.raises(Refused, match="no joint use"):
        provision_make(
            actor=ACTOR,
            recipient_id=joint.ref,
            purpose=CAMPAIGN,
            subject_ids=[subject_id],
            categories=["email"],
        )
