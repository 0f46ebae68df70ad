"""The fair's pages in every language: editions, their programme and venue, products."""

from functools import cache
from pathlib import Path

from bilingual.links import absolute_address
from pelican.generators import Generator

from .names import CATEGORIES, DISTRICTS

FAIR_KEY = "FAIR"


class FairGenerator(Generator):
    def generate_context(self):
        fair = self.settings[FAIR_KEY]
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
        fair, settings = self.settings[FAIR_KEY], self.settings
        lang = settings["DEFAULT_LANG"]
        if fair.editions or fair.products:
            write = lambda save_as, template, **extra: writer.write_file(  # noqa: E731
                save_as, self.get_template(template), self.context, **extra
            )
            write("editions/index.html", "editions")
            for edition in fair.editions:
                write(f"{edition.path}index.html", "edition", edition=edition)
                write(f"{edition.path}venue/index.html", "venue", edition=edition)
                self.write_calendars(edition, lang)
            self.write_catalogue(write, fair)

    def write_catalogue(self, write, fair):
        write("products/index.html", "products", shown=fair.products, selection=None)
        for kind, table in (("category", CATEGORIES), ("district", DISTRICTS)):
            for slug in table:
                chosen = [p for p in fair.products if getattr(p, kind) == slug]
                if chosen:
                    write(
                        f"products/{kind}/{slug}/index.html",
                        "products",
                        shown=chosen,
                        selection=(kind, slug),
                    )
        for stars in range(1, 6):
            chosen = [p for p in fair.products if p.stars == stars]
            if chosen:
                write(
                    f"products/stars/{stars}/index.html",
                    "products",
                    shown=chosen,
                    selection=("stars", stars),
                )
        for product in fair.products:
            write(f"{product.path}index.html", "product", product=product)
        if self.settings["DEFAULT_LANG"] not in self.settings.get("I18N_SUBSITES", {}):
            self.write_booth_codes(fair)
        for edition in fair.editions:
            write(f"{edition.path}booths/index.html", "booths", edition=edition)

    def write_booth_codes(self, fair):
        """A QR code per product, to its page in the main language: SVG for the web and
        the printable page, PNG at print size for the organisers."""
        from .codes import write_codes

        for product in fair.products:
            address = absolute_address(self.settings, self.settings["MAIN_LANG"], product.path)
            write_codes(address, Path(self.output_path) / product.path)

    def write_calendars(self, edition, lang: str):
        from .calendar import event_calendar, programme_calendar  # icalendar, only when needed

        page = absolute_address(self.settings, lang, edition.path)
        domain = self.settings.get("CALENDAR_DOMAIN", "otopcity-khonkaen")
        folder = Path(self.output_path) / edition.path
        (folder / "events").mkdir(parents=True, exist_ok=True)
        (folder / "programme.ics").write_bytes(programme_calendar(edition, lang, page, domain))
        for event in edition.events:
            data = event_calendar(edition, event, lang, page, domain)
            (folder / "events" / f"{event.uid}.ics").write_bytes(data)


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

    @cache
    def render(text: str) -> str:
        import markdown

        return markdown.markdown(text, extensions=extensions, output_format="html")

    return render
