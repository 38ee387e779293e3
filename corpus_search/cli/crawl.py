"""``corpus-search crawl SITE... | --url URL``"""

from __future__ import annotations

import sys
from typing import Any

import click

from corpus_search.cli.complete import complete_site
from corpus_search.cli.options import console, jobs_option, open_corpus, progress_bar


def run_crawl(ctx: click.Context, options: Any, as_json: bool = False, quiet: bool = False) -> Any:
    """Crawl with a progress display on stderr, failures listed, and a summary line;
    return the CrawlReport."""
    corpus = open_corpus(ctx, create=True)
    err = console(stderr=True)
    with progress_bar(
        "[bold]crawling[/] found {task.fields[found]} · fetched {task.fields[fetched]}"
        " · skipped {task.fields[skipped]} · failed {task.fields[failed]}"
        " · {task.fields[rate]:.1f}/s"
    ) as progress:
        task = progress.add_task(
            "crawl", found=0, fetched=0, skipped=0, failed=0, rate=0.0, current="", total=None
        )

        def update(event: Any) -> None:
            progress.update(
                task,
                found=event.found,
                fetched=event.fetched,
                skipped=event.skipped,
                failed=event.failed,
                rate=event.rate,
                current=event.current[-70:],
            )

        report = corpus.crawl(options, progress=update)
    if not quiet:
        for source in report.sources:
            if source["error"]:
                click.echo(
                    f"corpus-search: {source['kind']} {source['url']}: {source['error']}", err=True
                )
        for url, reason in report.failed:
            click.echo(f"corpus-search: failed {url}: {reason}", err=True)
    if report.hint:
        click.echo(f"corpus-search: hint: {report.hint}", err=True)
    if as_json:
        from corpus_search.render.machine import write_json

        write_json(report.to_dict(), sys.stdout)
    elif options.dry_run:
        for url in report.would_fetch:
            click.echo(url)
    err.print(report.summary(), highlight=False)
    return report


@click.command()
@click.argument("sites", nargs=-1, shell_complete=complete_site)
@click.option(
    "--url",
    "urls",
    multiple=True,
    metavar="URL",
    help="A site, sitemap, feed or listing page to crawl (repeatable).",
)
@click.option("--max-pages", type=click.IntRange(min=0), help="Fetch at most N new pages.")
@click.option(
    "--since", metavar="DATE", help="Skip items their sitemap/feed/listing dates earlier."
)
@click.option(
    "--delay",
    type=click.FloatRange(min=0),
    help="Seconds between requests to one host (a floor: a larger robots.txt Crawl-delay "
    "wins). Default: the profile's, else 1.",
)
@click.option(
    "--concurrency",
    type=click.IntRange(min=1, max=32),
    default=4,
    show_default=True,
    help="Hosts crawled at once; always one request at a time per host.",
)
@click.option(
    "--user-agent", metavar="UA", help="The User-Agent to send (and to match in robots.txt)."
)
@click.option(
    "--dry-run", is_flag=True, help="Discover only: list the pages that would be fetched."
)
@click.option(
    "--refresh", is_flag=True, help="Re-check pages fetched before (conditional requests)."
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=60.0,
    show_default=True,
    help="Seconds allowed for one response.",
)
@click.option(
    "--max-size",
    type=click.FloatRange(min=0.01),
    default=20.0,
    show_default=True,
    help="Largest body to accept, in MB (after decompression).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON on stdout.")
@jobs_option
@click.pass_context
def crawl(
    ctx: click.Context,
    sites: tuple[str, ...],
    urls: tuple[str, ...],
    max_pages: int | None,
    since: str | None,
    delay: float | None,
    concurrency: int,
    user_agent: str | None,
    dry_run: bool,
    refresh: bool,
    timeout: float,
    max_size: float,
    as_json: bool,
    jobs: int | None,
) -> int:
    """Collect articles from site profiles ('corpus-search sites' lists them) or from any
    URL: a site's home page (its sitemaps from robots.txt, else its feeds), a sitemap, an
    RSS/Atom feed or a listing page. robots.txt is obeyed; every response is kept as WARC
    in INDEX/archive; a re-run fetches only what is new or changed.

    Fetching stays one request at a time per host; extracting and tagging the pages
    runs on --jobs processes. Every page found is counted once in the summary.

    Exit status: 0 pages found (fetched now or before), 1 nothing found, 2 a page or a
    source failed (each one is listed on stderr; the rest are kept).
    """
    from corpus_search.crawl import CrawlOptions

    if not sites and not urls:
        raise click.UsageError("name a site profile (see 'corpus-search sites') or give --url URL")
    options = CrawlOptions(
        sites=sites,
        urls=urls,
        max_pages=max_pages,
        since=since,
        delay=delay,
        concurrency=concurrency,
        user_agent=user_agent,
        dry_run=dry_run,
        refresh=refresh,
        timeout=timeout,
        max_bytes=int(max_size * 1024 * 1024),
        jobs=jobs,
    )
    options.since_date  # noqa: B018 -- a bad date is a usage error before any request
    report = run_crawl(ctx, options, as_json=as_json)
    errors = report.failed or any(s["error"] for s in report.sources)
    if errors:
        return 2
    got = report.fetched or report.skipped_total or report.would_fetch
    return 0 if got else 1
