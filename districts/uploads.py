"""One upload of a council's vacancy file, for the page and the API: read, checked, then added or refused."""

from datetime import timedelta

from districts import vacancy_files
from housing.actors import Actor
from housing.clock import today
from housing.reads import names
from housing.services import vacancies
from httpkit import sent_file, tabular
from httpkit.store import db

TOO_LARGE = "The file is larger than 5 MB: split it into smaller files"


def upload(actor: Actor, slug: str, filename: str, content: bytes) -> list[str]:
    """The ids of the vacancies added; ImportRefused (nothing written) or TooLarge otherwise."""
    if len(content) > tabular.MAX_FILE_BYTES:
        raise sent_file.TooLarge(TOO_LARGE)
    deadline = tabular.Deadline(tabular.UPLOAD.seconds)
    rows = tabular.read(filename, content, tabular.UPLOAD, deadline, vacancy_files.VACANCIES.noun)
    parsed, problems = tabular.parse(rows, vacancy_files.VACANCIES, deadline=deadline)
    return vacancies.add(db(), actor, slug, vacancies.checked(db(), slug, parsed, problems))


def template(slug: str) -> str:
    """The template CSV, its example row at one of the district's own towns, a month from today."""
    town = names.first_town(db(), slug)
    return vacancy_files.template(town, today() + timedelta(days=30))
