"""The fair's pages in every language: editions, their programme and venue, products."""

from functools import cache
from pathlib import Path

from markupsafe import Markup
from pelican.generators import Generator

from plugins.core.addresses import save_as
from plugins.core.files import write_if_changed
from plugins.core.state import state_of
from plugins.gallery import photos_in_html

from .names import CATEGORIES, DISTRICTS


class FairGenerator(Generator):
    def generate_context(self):
        fair = state_of(self.settings).fair
        articles = self.context.get("articles", [])
        self.context.update(
            fair=fair,
            editions=fair.editions,
            current_edition=fair.editions[0] if fair.editions else None,
            products=fair.products,
            product_categories=CATEGORIES,
            product_districts=DISTRICTS,
            news_by_edition=group_by_edition(articles, fair),
            render_markdown=markdown_renderer(self.settings),
        )

    def generate_output(self, writer):
        state = state_of(self.settings)
        fair, lang = state.fair, self.settings["DEFAULT_LANG"]
        if fair.editions or fair.products:
            write = lambda path, template, **extra: writer.write_file(  # noqa: E731
                save_as(path), self.get_template(template), self.context, **extra
            )
            write(state.addresses.path("EDITIONS"), "editions")
            for edition in fair.editions:
                write(edition.path, "edition", edition=edition)
                write(f"{edition.path}venue/", "venue", edition=edition)
                self.write_calendars(state, edition, lang)
                if self.settings.get("PRINTED_EDITIONS"):
                    state.papers.append(self.paper(state, edition, lang))
            self.write_catalogue(write, state)

    def write_catalogue(self, write, state):
        fair, path = state.fair, state.addresses.path
        write(path("PRODUCTS"), "products", shown=fair.products, selection=None)
        for kind, value, chosen in product_choices(fair.products):
            where = path("PRODUCT_CHOICE", kind=kind, value=value)
            write(where, "products", shown=chosen, selection=(kind, value))
        for product in fair.products:
            write(product.path, "product", product=product)
        for edition in fair.editions:
            write(f"{edition.path}booths/", "booths", edition=edition)

    def paper(self, state, edition, lang: str):
        """The printable edition's HTML, for plugins.paper to print once all is written."""
        from plugins.paper import Paper, file_name

        from .codes import inline_code

        main_output, theme = Path(state.output_path).resolve(), Path(self.settings["THEME"])
        page = state.addresses.absolute(lang, edition.path)
        html = self.get_template("paper/edition").render(
            self.context, edition=edition, edition_code=inline_code(page), page_address=page,
            local=lambda path: (main_output / path).as_uri(),
            local_theme=lambda path: (theme.resolve() / path).as_uri(),
        )  # fmt: skip
        where = Path(self.output_path).resolve() / edition.path / file_name(edition.number)
        return Paper(where.relative_to(main_output).as_posix(), html)

    def write_calendars(self, state, edition, lang: str):
        from .calendar import event_calendar, programme_calendar  # icalendar, only when needed

        page = state.addresses.absolute(lang, edition.path)
        domain = self.settings.get("CALENDAR_DOMAIN", "otopcity-khonkaen")
        folder = Path(self.output_path) / edition.path
        programme = programme_calendar(edition, lang, page, domain)
        write_if_changed(folder / "programme.ics", programme)
        for event in edition.events:
            data = event_calendar(edition, event, lang, page, domain)
            write_if_changed(folder / "events" / f"{event.uid}.ics", data)


def product_choices(products) -> list[tuple[str, object, list]]:
    """(kind, value, products) for every category, district and star count that has any."""
    tables = [("category", list(CATEGORIES)), ("district", list(DISTRICTS))]
    tables.append(("stars", list(range(1, 6))))
    choices = []
    for kind, values in tables:
        for value in values:
            chosen = [p for p in products if getattr(p, kind) == value]
            if chosen:
                choices.append((kind, value, chosen))
    return choices


def write_booth_codes(state) -> None:
    """A QR code per product, to its page in the main language: SVG for the web and
    the printable page, PNG at print size for the organisers. Unchanged codes stay."""
    from .codes import write_codes

    for product in state.fair.products:
        address = state.addresses.absolute(state.main_lang, product.path)
        write_codes(address, Path(state.output_path) / product.path)


def group_by_edition(articles, fair) -> dict[int, list]:
    """News belongs to the edition its `Edition:` names, else to the one of its year."""
    grouped = {edition.number: [] for edition in fair.editions}
    for article in articles:
        number = edition_of(article, fair)
        if number in grouped:
            grouped[number].append(article)
    return grouped


def edition_of(article, fair) -> int | None:
    written = str(article.metadata.get("edition", "")).strip()
    if written.isdigit():
        return int(written)
    same_year = [e.number for e in fair.editions if e.start.year == article.date.year]
    return same_year[0] if same_year else None


def markdown_renderer(settings: dict):
    options = settings["MARKDOWN"]
    extensions = list(options.get("extension_configs", {}))
    state, sizes = state_of(settings), settings["GALLERY_INLINE_SIZES"]
    root = Path(settings["PATH"]).resolve()

    @cache
    def render_body(path: Path, body: str) -> Markup:
        import markdown

        made = markdown.markdown(body, extensions=extensions, output_format="html")
        folder = path.resolve().parent.relative_to(root).as_posix()
        return Markup(photos_in_html(made, folder, state, sizes))

    def render(text) -> Markup:
        """A Text's body: safe to print, as the MARKDOWN extensions end with the HTML
        cleaner; its photos given their published files."""
        return render_body(text.path, text.body)

    return render
