"""What kind of page is this? Article, listing, anti-bot or error page; and its links.

The crawler indexes only article pages. ``inspect_page`` reads one HTML page and says
what it is (with the reason in words), and gathers what discovery needs from it: links,
the "next page" link, feed links (``<link rel=alternate>``) and the dates listings print
beside their items.

Anti-bot pages are recognised by the markers Cloudflare's challenge ("Just a moment...",
``cf_chl_opt``, Turnstile) and its error pages (``cf-error-details``, error 1015 "rate
limited") carry, and by the generic wording of other bot walls.
"""

from __future__ import annotations

import itertools
import json
import re
import statistics
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Comment, Tag

from corpus_search.urls import web_url

ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "blogposting",
    "report",
    "scholarlyarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "reportagenewsarticle",
    "techarticle",
}
LISTING_TYPES = {"collectionpage", "searchresultspage", "profilepage", "itemlist", "event"}

ANTIBOT_MAX_TEXT = 2500  # characters of visible text: challenge pages have few
ANTIBOT_MARKERS = (
    ("cf_chl_opt", "Cloudflare browser challenge"),
    ("challenge-platform", "Cloudflare browser challenge"),
    ("cf-turnstile", "Cloudflare Turnstile challenge"),
    ("<title>just a moment...</title>", "Cloudflare browser challenge"),
    ("error code: 1015", "Cloudflare rate limit (error 1015)"),
    ("banned you temporarily", "Cloudflare rate limit (error 1015)"),
    ("cf-error-details", "Cloudflare error page"),
    ("attention required! | cloudflare", "Cloudflare block page"),
    ("_incapsula_resource", "Incapsula bot check"),
    ("px-captcha", "PerimeterX captcha"),
    ("/_sec/cp_challenge", "Akamai bot challenge"),
    ("please verify you are a human", "bot check"),
    ("checking your browser before accessing", "browser check"),
    ("enable javascript and cookies to continue", "browser challenge"),
)

# An organisation's pages about itself: "about", mission, history, team, fellowships,
# grants, FAQ, careers, a project's work packages. The words of the first group name such a
# page wherever they stand in the path ("/about/grants/apply-for-a-grant/"); those of the
# second only as its last segment, since a section of them may hold articles
# ("/our-work/<a project>/<a piece>"). "about-<name>" counts only with a page below it:
# alone it may be a post's slug ("/about-bugs/"). Measured on the addresses of about 3,500
# labelled articles (none matches) and the labelled non-article texts (docs/accuracy.md).
_OWN_ANYWHERE = (
    r"about|about[-_]?us|who[-_]?we[-_]?are|fellowships?|internships?|work[-_]packages?"
    r"|faqs?|wp[-_]super[-_]faq|careers|vacancies|apply|how[-_]?to[-_]?apply|donate"
    r"|support[-_]?us|contact|contact[-_]?us|grants|funding|courses|alumni"
)
_OWN_LAST = (
    r"(?:mission|vision|values|history|team|partners|funders)|our[-_][a-z]+"
    r"|mission[-_](?:statement|and[-_]vision)|timeline|leadership|board|trustees"
    r"|board[-_]of[-_](?:directors|trustees)|advisory[-_]?board|executive[-_]committee"
    r"|governance|supporters|what[-_]we[-_]do|research[-_]areas|composition|membership"
    r"|join(?:[-_]us)?|jobs|about[-_]the[-_][a-z]+"
)
ORGANISATION_PAGE = re.compile(
    rf"/(?:{_OWN_ANYWHERE})(?:\.(?:html?|php|aspx?))?(?:/|$|\?)|/about[-_][\w-]+/[^/?#]"
    rf"|/(?:{_OWN_LAST})(?:-\d)?(?:\.(?:html?|php|aspx?)|/index\.(?:html?|php|aspx?))?/?(?:\?|$)",
    re.I,
)

# Path shapes of pages that list other pages rather than being an article.
HOME_PATH = re.compile(
    r"^/?$|^/[a-z]{2}([-_][a-z]{2})?/?$|^/(index\.(html?|php)|home|start)/?$", re.I
)
LISTING_PATHS = (
    (HOME_PATH, "home page"),
    (re.compile(r"^(/[a-z-]+)?/(19|20)\d\d(/\d\d?){0,2}/?(\?.*)?$"), "date archive"),
    (
        re.compile(
            r"/(terms|terms-of-use|terms-of-service|terms-and-conditions|tos|privacy"
            r"|privacy-policy|cookies?|cookie-policy|legal|impressum|datenschutz|disclaimer)"
            r"(/|\.html?$|$)",
            re.I,
        ),
        "legal or site page",
    ),
    (re.compile(r"/(tags?|tagged|topics?|keywords?|subjects?)/", re.I), "tag page"),
    (
        re.compile(
            r"/(authors?|experts?|people|staff|profiles?|contributors?)(/|$)|^/by/[^/?]+/?(\?|$)",
            re.I,
        ),
        "author page",
    ),
    (
        re.compile(
            r"/(search|find|search[-_]results)(/|$|\?)|[?&](s|q|query|search|keywords?)="
            # not a query: a share link's code ("?s=08"), Drupal's path of a node
            # ("?q=node/3130") or a web proxy's encoded address ("?q=aHR0cHM6...")
            r"(?!\d{1,2}(&|#|$)|node(/|%2F)|aHR0c)",
            re.I,
        ),
        "search page",
    ),
    (re.compile(r"/(events?|calendar|agenda)(/|$)", re.I), "event or calendar page"),
    (ORGANISATION_PAGE, "an organisation's own page (about, mission, fellowship, FAQ...)"),
    (
        re.compile(r"/(category|categories|archives?|regions?|programs?|issues?)/", re.I),
        "section listing",
    ),
    (
        re.compile(
            r"^/(publications?|research|analysis|commentary|insights|news|blogs?|podcasts?"
            r"|press-releases?|media|features?|programs?|projects?|latest)(\.html?)?/?$"
            r"|/(members|source|voices|channel|interactives?)/",
            re.I,
        ),
        "section index",
    ),
    (
        re.compile(r"/page/\d+/?$|[?&](page|_page|paged|offset|start|pageOn)=\d+", re.I),
        "paginated listing",
    ),
)
# Titles of pages that are never articles: a site's home page ("Home | Site",
# "Startseite: Stadt X") and its legal pages ("Terms of Service", "Privacy Policy").
SITE_PAGE_TITLES = re.compile(
    r"^\W*(?:(?P<home_page>home|homepage|startseite|accueil|inicio)\s*[|:\-\u2013\u2014]"
    r"|(?P<legal_page>(?:website\s+)?(?:terms\s+of\s+(?:use|service)|terms\s+and\s+conditions"
    r"|privacy\s+policy|cookie\s+policy|impressum|datenschutz(?:erkl\u00e4rung)?"
    r"|[^|]{0,40}\bgeneral\s+public\s+license)(?:\s+v?\d[\d.]*)?\s*(?:$|[|\-\u2013\u2014])))",
    re.I,
)
# Address shapes that decide alone; the others yield to a long run of prose.
DECISIVE_PATHS = frozenset(
    {
        "home page",
        "date archive",
        "legal or site page",
        "tag page",
        "author page",
        "search page",
        "event or calendar page",
        "an organisation's own page (about, mission, fellowship, FAQ...)",
    }
)
# A listing's second or later page ("/page/3/", "?page=3"): in a page known only by its text,
# where prose cannot be told from a listing's blurbs, the address decides.
LATER_PAGE = re.compile(
    r"/page/([2-9]|\d\d+)/?$|[?&](page|_page|paged|pageOn|offset)=([2-9]|\d\d+)\b", re.I
)
# A category's, a program's, a project's, an initiative's or a region's own page: in HTML
# its long featured text yields to the markup (its teasers sit in links and cards), in
# text the address decides.
# Also an archive's own page: Blogger's day and label archives ("/2014_02_01_archive.html",
# "/search/label/x") and a month's archive ("/2019/04/" with nothing after it). A name of
# six words or more after "/program/" is an article's slug, not a programme's or a
# region's name (Jamestown files its articles so: "/program/<the headline's words>").
SECTION_PAGE = re.compile(
    r"/(category|categories)/|/(programs?|regions?|projects?|initiatives?)/"
    r"(?![^/?]*(?:-[^/?-]+){5})[^/?]+/?(\?|$)"
    r"|/\d{4}_\d\d_\d\d_archive\.html$|/search/label/|/(?:19|20)\d\d/(?:0?[1-9]|1[0-2])/?$",
    re.I,
)
ERROR_TITLES = re.compile(
    r"\b(404|page not found|not found|error 5\d\d|server error|access denied|forbidden)\b", re.I
)
# Characters of prose (outside links) in the page's densest container: below the first
# bound a page is not an article, above the second it is one whatever else it says.
# Measured on 511 real articles and 100+ real listing, error and anti-bot pages:
# see bench/eval_articles.py.
MIN_RUNNING_TEXT = 200
MIN_DECLARED_TEXT = 60  # a page that declares itself an article may be a short news item
STRONG_RUNNING_TEXT = 1500
# Lines that repeat once per item in a listing's text: dates, bylines, "read more" (with
# its arrows: "» Read more", "Read More »") and the other cues of a teaser's link alone on
# a line ("Learn more", "See details", "More info", "Watch"), "posted <date>", a teaser cut short ("…",
# "...", "[…]": a listing prints the first words of each item, an article its whole text)
# a teaser ending in its reading time ("… [4 min read]") or in a "Read full article" or
# "Continue reading" link, a byline with its date and comment count ("by X | Fri,
# 12/09/2016 - 6:25am | 0 comments") and an episode ending in its length ("00:59:27",
# "23 minutes, 47 seconds").
TEASER_LINE = re.compile(
    r"^(by\s+\S.{0,60}|\W*read (more|full story)\W*|view article|listen\b.*|\d+ min( read)?"
    r"|\W*(learn|see|view|find out|discover|read|show) more\W*|\W*(view|see) (details|all)\W*"
    r"|\W*more (info|information|details)\W*|\W*watch( now| video)?\W*"
    r"|\W{0,2}(\d{1,2} \w{3,9},? \d{4}|\w{3,9}\.? \d{1,2}, \d{4}|\d{4}-\d{2}-\d{2}|\d{2}/\d{2}/\d{4})"
    r"|posted\b.{0,40}\b(19|20)\d\d|\w+day, \w{3,9} \d{1,2}, \d{4}\b.{0,12}"
    r"|.{20,400}(\u2026|\.\.\.|\[\u2026\])|.{20,600}[\[(]\d[^\])]{0,8}\bmin(ute)?s? read[\])]"
    r"|.{20,600}\b(read (more|full (article|story|post))|continue reading)\W{0,3}"
    r"|by\s+\S.{0,80}\|.{0,60}\b(\d+ comments?|\d{1,2}:\d\d\s*[ap]m)\b.{0,20}"
    r"|.{0,300}\b\d{1,2}:\d\d:\d\d|.{0,60}\b\d+ minutes?(, \d+ seconds?)?)$",
    re.I,
)
# A line that counts a listing's items ("1\u201350 of 293", "Showing 11-20 of 85 results",
# "372 Results", "Rows per page"): a page that prints one lists other pages. ("Page 2 of 3" is left out:
# an article split into pages prints it too.)
COUNT_LINE = re.compile(
    r"^[\W\d]{0,4}(showing\s+|displaying\s+|results?\s+)?\d[\d,]*\s*[-\u2013\u2014]\s*\d[\d,]*"
    r"\s+of\s+\d[\d,]*(\s+[\w-]+){0,3}\W*$|^(rows|items|results)\s+per\s+page\W*$"
    r"|^\d[\d,]*\s+(results|articles|items|publications|episodes)(\s+found)?\W*$",
    re.I,
)
# An event page opens with its time and place: a line of hours ("9am to 11am",
# "18:30 - 20:00") among its first lines.
TIME_RANGE_LINE = re.compile(
    # (a day and date may lead: "Sunday 2nd October 14:30 - 15:30", "May 4, 2023 | 9:00 - 11:00")
    r"^\W*(?:[A-Za-z]+,?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+,?\s*(?:\d{4}\s*)?"
    r"|[A-Za-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s*(?:\d{4}\s*)?)?[,|\u00b7\u2022-]?\s*"
    r"\d{1,2}(?:\s*[ap]\.?m\.?|[:.]\d\d(?:\s*[ap]\.?m\.?)?)\s*"
    r"(?:to|-|\u2013|\u2014|until)\s*\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?)?(?:\s+\w{2,4})?\W*$",
    re.I,
)
EVENT_HEAD = 8  # lines in which an event page prints its hours
# A list item: a bullet, dash or number opening the line.
ITEM_LINE = re.compile(r"^(\u2022|\*|-|\d{1,2}[.)])\s+\S")
# List items of ARGUED_ITEM characters or more on average, most ending like sentences, are
# an argument's points (a brief's findings), not a listing's entries (tuning pages: the
# non-articles' items average 88 to 214 characters, and the one above 160 ends no item).
ARGUED_ITEM = 160
# A paragraph ends as a sentence does (in Latin, CJK and Devanagari scripts, a closing
# quote or bracket after the stop allowed); a listing's standfirsts and blurbs often do
# not. Lines of at least BLURB_LINE characters are judged (shorter ones may be titles).
SENTENCE_END = re.compile(
    r"[.!?:;\u2026\u3002\uff01\uff1f\u0964][\"'\u2019\u201d)\]\u300d\u300f]*$"
)
BLURB_LINE = 80
# Characters of prose in one run (teaser lines aside) that make a body: an article may
# print a few related items' teasers below it, a listing has no such run.
BODY_RUN = 1000
# Characters of a title or a blurb: a shorter line (a section name) may well repeat.
REPEATED_LINE = (25, 300)
REPEAT_GAP = 2  # lines: a listing prints a title twice in a row (heading, then link)
# lines of a page's header (its kicker, date and title, which stored copies often print
# twice: the page's title, then its heading), where a line printed again says nothing
HEADER_LINES = 4
# A line printed once per item with its own figures (a date, a length): short lines of
# one pattern but for their numbers and month or day names.
TEMPLATE_LINE = 60
TEMPLATE_LINES = 3
# A line that is a date and nothing else, once its month and day names and its figures
# are replaced ("M 0", "D, M 0, 0").
DATE_ONLY = re.compile(r"^[\sDM0,./\u2013-]*M[\sDM0,./\u2013-]*$")
# The credit line under a social-media post an article quotes: a dash, the writer's name
# and handle ("\u2014 A. Writer (@awriter) May 3, 2020").
POST_CREDIT = re.compile(r"^[\u2014\u2013-]\s*[^()]{1,80}\(@\w{1,30}\)")
MONTH = re.compile(
    r"\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?"
    r"|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?)\b\.?",
    re.I,
)
WEEKDAY = re.compile(
    r"\b(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\b\.?|\b(mon|tues|wednes|thurs|fri|satur|sun)day\b",
    re.I,
)
# An entry of an archive, a newsletter's back issues or a press list printed as one line
# that opens with its full date and goes on with its title ("March 3, 2024 | A title",
# "2024-03-03 \u2013 A title"), at least DATED_TITLES of them, the title not ending as a
# sentence. An article prints its own date alone on a line or inside a sentence, and a
# chronology's entries are sentences.
_MONTH_NAME = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
DATED_TITLE = re.compile(
    r"^\W{0,3}(?:(?:\w+day,?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH_NAME + r"\.?,?"
    r"|" + _MONTH_NAME + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?,?)\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4})(?![\d/-])"
    r"\s*[^\w\s]{0,3}\s*(?=[^\W\d_])(?P<title>.{10,150})$",
    re.I,
)
DATED_TITLES = 3
# A headline list (a news section, a podcast's episodes): at least HEADLINE_ITEMS
# headlines (lines of HEADLINE to TITLE_LINE characters not ending as a sentence), each
# followed by a standfirst of at most STANDFIRST characters (median).
HEADLINE_ITEMS = 5
HEADLINE = 40
TITLE_LINE = 150
STANDFIRST = 200
FULL_STOP = re.compile(r"[.!?\u2026][\"'\u2019\u201d)\]]*$")
# What only a page about other pages prints in its text (rules fitted on the fifth round's
# text pages, 2026-12-04; measured in bench/eval_articles.py):
# - a title naming the archive it heads ("Category Geopolitics", "Tag: EU", "Posts by X");
ARCHIVE_TITLE = re.compile(
    r"^(?:(?:category|tag|topic)\s+archives?|archives?|(?:posts?|articles?|stories)\s+"
    r"(?:tagged|filed under|by)|tagged|filed under|author\s+archives?)\s*[:\-\u2013\u2014|]?\s+"
    r"(?=[^\W\d])[^.!?]{1,60}$"
    r"|^(?:category|tag|topic)\s*(?:[:\-\u2013\u2014|]\s*(?=[^\W\d])[^.!?]{1,60}"
    r"|\s+[A-Z][\w'\u2019&-]*(?:\s+[A-Z][\w'\u2019&-]*)?)$",
    re.I,
)
# - words for its own search box, filters and links ("search results", "hover over any
#   link", "use this field to filter"): two different ones make a search or index page;
INTERFACE_WORDS = re.compile(
    r"\b(search (?:results|keywords|terms|criteria|types|box|field|operators)"
    r"|(?:use|enter|type) (?:this|the|a) (?:field|box|search)|hover over"
    r"|filter (?:by|the|your|results)|refine (?:your|the) (?:search|results)"
    r"|sort(?:ed)? by (?:date|relevance|title)"
    r"|click (?:here|below|on (?:any|a|the|each) (?:link|title|headline|name)))\b",
    re.I,
)
INTERFACE_MIN = 2
# - people named with their degrees or honours, entry after entry (a directory, a board, a
#   list of fellows): short lines (not sentences) naming a degree or an honour, in blocks
#   of adjacent lines (one person's name, degree and post), at least PEOPLE_BLOCKS of them
#   before the page has printed a body of prose (an article's bylines make one block, its
#   authors' notes come after its body);
CREDENTIAL = re.compile(
    r"\b(?:ph\.?\s?d|d\.?\s?phil|professor|prof\.|frs|frse|fba|kbe|obe|cbe|mbe|m\.?d\.)(?!\w)", re.I
)
PEOPLE_BLOCKS = 2
# ... or, anywhere after a first entry before the body, PEOPLE_ENTRIES entries counting the
# paragraphs that open a biography of a person named on one of the BIO_NAME_LINES lines
# above ("Chris is currently...", "Professor Kamaljit S. Bawa is...").
PEOPLE_ENTRIES = 3
BIO_NAME_LINES = 3
BIO_OPENER = re.compile(
    r"^(?:(?i:professor|prof\.|dr\.?|sir|dame|mr\.?|ms\.?|mrs\.?)\s+)*(?P<name>[A-Z][a-z'\u2019-]{2,})"
    r"(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w'\u2019-]+){0,2}\s+(?:is|was|has|serves|served|joined|leads"
    r"|led|holds|held|directs|works|worked|teaches|chairs)\b"
)
# - an account of its people's appearances in the press ("wrote an op-ed for", "was quoted
#   in", "was interviewed by"), three at least, on two lines or more (an "in the news"
#   page);
PRESS_MENTION = re.compile(
    r"\b(?:wrote (?:(?:an?|two|three|several) )?(?:op-eds?|pieces?|columns?|articles?|essays?"
    r"|commentar(?:y|ies)|letters?)\b|wrote for\b|(?:was|were)(?: also)? (?:quoted|featured"
    r"|cited|interviewed|mentioned|profiled) (?:in|by|on)\b|appeared (?:in|on)\b)",
    re.I,
)
PRESS_MENTIONS = 3
# - a heading for a list of items ("Latest Articles", "Recent posts") printed before any
#   body of prose;
# A bulleted line ("• Latest news") is an entry of a site's menu, not a heading.
LIST_HEADING = re.compile(
    r"^(?![\s\u2022\u00b7\u25aa\u25e6*-]*[\u2022\u00b7\u25aa\u25e6*-])"
    r"\W*(?:latest|recent|all|popular|featured|top|newest)\s+(?:articles|posts|news|stories"
    r"|publications|episodes|analysis|commentary|insights|reports|updates|headlines)\W*$",
    re.I,
)
# - titles each credited to their source ("A title \u2013 Institute for X (UK)"), a digest
#   of other pages: at least CREDITED_TITLES of them, each followed by prose.
CREDITED_TITLE = re.compile(
    r"^.{15,}\s[\u2013\u2014-]\s+(?:[A-Z][\w'\u2019&.,-]*|of|for|and|the|on|in|&)"
    r"(?:\s+(?:[A-Z][\w'\u2019&.,-]*|of|for|and|the|on|in|&)){0,7}(?:\s+\([^()]{2,30}\))?$"
)
CREDITED_TITLES = 3
# Signs that a page describes its own organisation's offers rather than arguing or
# reporting (sixth round, fitted on the fresh3 split's text pages, 2026-12-04; measured in
# bench/eval_articles.py). Read in the text's opening OPENING characters only (the length
# of the stored texts they were measured on), so a long article does not gather them:
OPENING = 2000
# - a call for applications (a job posting, an internship or a fellowship call): at least
#   APPLICATION_TERMS different words of hiring ("deadline", "qualifications", "per hour");
APPLICATION_WORDS = re.compile(
    r"\b(apply|applying|applications?|applicants?|deadline|qualifications?|responsibilities"
    r"|duties|salary|stipend|per hour|compensation|internships?|interns?|trainees?|eligib(?:le"
    r"|ility)|candidates?|requirements?|r[eé]sum[eé]s?|cover letter|full-time|part-time"
    r"|positions?|hiring|hire|work authorization|experience (?:in|with)|preferred|required)\b",
    re.I,
)
APPLICATION_TERMS = 5
# - an event's own page: at least EVENT_TERMS different words of an invitation in its
#   opening ("speakers include", "register", "venue", "will take place");
EVENT_WORDS = re.compile(
    r"\b(speakers? include|speakers:|panelists?|moderat(?:or|ed by)|register(?: now| here"
    r"| today)?|registration|rsvp|join us|we invite you|you can expect|save the date|agenda"
    r"|venue|livestream|webinar|keynote|conference will|event will|will take place"
    r"|will be held|tickets?)\b",
    re.I,
)
EVENT_TERMS = 3
# - a podcast's own page: at least PODCAST_TERMS different words of a show's page
#   ("episode", "season", "subscribe", "hosted by");
PODCAST_WORDS = re.compile(
    r"\b(episodes?|podcasts?|listen(?:ing)?|subscribe|season(?: finale)?|featured guests?"
    r"|apple podcasts|spotify|stitcher|join host|hosted by|your host)\b",
    re.I,
)
PODCAST_TERMS = 3
# - an organisation describing itself: a sentence whose subject is the organisation or one
#   of its units ("The Center shapes", "Our program offers", "We manage", "MPC has") ...
OWN_SUBJECT = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))\s*(?:[\u2022\-\u2013]\s*)?"
    r"(?:(?:The|Our|This|Each)\s+(?:[A-Z][\w\u2019'-]*\s+){0,4}(?i:center|centre|institute"
    r"|office|program|programme|lab|laboratory|foundation|initiative|project|council|forum"
    r"|network|department|school|bureau|team|unit|group|series|fellowship)"
    r"(?:\s+(?:of|for|on)(?:\s+the)?(?:\s+[A-Z][\w\u2019'-]*){1,5})?"
    r"|We|(?:The\s+)?[A-Z]{2,6}|(?:The\s+)?[A-Z]{2,6}[\u2019']s\s+\w+(?:\s+\w+)?)\s+"
    r"(?:also\s+|currently\s+|now\s+)?"
    r"(?:is|are|has|have|seeks?|strives?|aims?|provides?|hosts?|offers?|supports?|works?"
    r"|conducts?|manages?|publish(?:es)?|brings?|address(?:es)?|focus(?:es)?|encompass(?:es)?"
    r"|shapes?|informs?|takes?|invites?|welcomes?|serves?|promotes?|fosters?|runs?|holds?"
    r"|organi[sz]es?|compiles?|stud(?:y|ies)|trains?|gives?)\b"
)
# ... naming at least OFFERING_KINDS different kinds of what it offers (programs, projects,
# reports, lectures, fellows, events, opportunities) ...
OFFERINGS = re.compile(
    r"\b(research areas?|projects?|programs?|programmes?|initiatives?|policy briefs?|reports"
    r"|papers|publications|fact sheets|summaries|lectures?|series|scholars|fellows|events?"
    r"|sessions?|workshops?|webinars?|briefings?|courses?|training|activities"
    r"|opportunit(?:y|ies))\b",
    re.I,
)
OFFERING_KINDS = 2
# The organisation speaks of itself within the text's first characters: an organisation's
# own page opens so, while a piece may come to a body it discusses, or to its publisher's
# note, further on (tuning think-tank texts: 7 of 764 more kept, one non-article of 436 lost).
SUBJECT_OPENING = 600
# ... with nothing of a report or an argument: no reported speech, no writer speaking as
# "I", and at most PAST_WORDS auxiliaries of the past tense (a news story tells what was).
REPORTED_SPEECH = re.compile(r"\b(said|says|told|according to|wrote|writes|argues|argued)\b", re.I)
FIRST_PERSON = re.compile(r"\b(I|I'm|I've|my|me)\b")
PAST_TENSE = re.compile(r"\b(was|were|had|did|wasn't|weren't|didn't|hadn't)\b", re.I)
PAST_WORDS = 1
NEXT_TEXT = re.compile(
    r"^\s*(next( page)?|older( posts| entries)?|more|›|»|→|>)\s*[›»→>]?\s*$", re.I
)


def antibot_reason(html: str) -> str | None:
    """The kind of anti-bot page this is, or None. The markers count only on a page with
    little visible text: protected sites put the same scripts (Cloudflare's
    ``challenge-platform``, Incapsula's resources) into their normal article pages."""
    head = html[:200_000].lower()
    for marker, reason in ANTIBOT_MARKERS:
        if marker in head:
            text = BeautifulSoup(html, "lxml")
            for tag in text(["script", "style", "noscript", "template"]):
                tag.decompose()
            if len(text.get_text(" ", strip=True)) < ANTIBOT_MAX_TEXT:
                return reason
            return None
    return None


@dataclass
class PageInfo:
    kind: str  # "article", "listing", "antibot", "error", "other"
    reason: str
    links: list[str] = field(default_factory=list)  # absolute, in page order, unique
    next_url: str | None = None
    feeds: list[str] = field(default_factory=list)
    link_dates: dict[str, date] = field(default_factory=dict)
    canonical: str | None = None

    @property
    def is_article(self) -> bool:
        return self.kind == "article"


def inspect_page(
    html: str,
    url: str,
    article_patterns: list[re.Pattern[str]] | None = None,
    status: int = 200,
    links: bool = True,
) -> PageInfo:
    """Classify a page and collect its links (unless ``links`` is false: a judgement
    alone, as ingest needs, costs a sixth less on real pages). With ``article_patterns`` (a site
    profile's article URL shapes) a page is an article only if its path matches one."""
    soup = BeautifulSoup(html, "lxml")
    info = PageInfo("other", "", canonical=_canonical(soup, url))
    if links:
        _collect_links(soup, url, info)
    antibot = antibot_reason(html)
    if antibot:
        info.kind, info.reason = "antibot", f"anti-bot page: {antibot}"
        return info
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    if status >= 400 or (ERROR_TITLES.search(title) and len(_text_of(soup)) < 3000):
        info.kind, info.reason = "error", f"error page ({title or f'HTTP {status}'})"
        return info
    # The address is evidence only when the page has a web address (its canonical one,
    # or the one it was fetched from): a saved file's path on disk says nothing of it.
    address = info.canonical or web_url(url)
    target = _address(address or "")
    path = target.path + (f"?{target.query}" if target.query else "") if address else None
    site_page = SITE_PAGE_TITLES.match(title)
    if site_page and article_patterns is None:
        info.kind, info.reason = (
            "listing",
            f"{(site_page.lastgroup or 'site page').replace('_', ' ')} (title)",
        )
        return info
    if article_patterns is not None:
        if address and any(p.search(target.path) for p in article_patterns):
            info.kind, info.reason = "article", "URL matches the profile's article pattern"
        else:
            info.kind, info.reason = "listing", "URL outside the profile's article patterns"
        return info
    own = _address(url)
    own_path = (own.path or "/") if own.scheme in ("http", "https") else None
    info.kind, info.reason = judge(path, _declared_types(soup), running_text(soup), own_path)
    return info


def judge(
    path: str | None, types: set[str], running: int, own_path: str | None = None
) -> tuple[str, str]:
    """Article or listing, from three kinds of evidence: the running text (``running``:
    characters of prose outside links in the page's densest container), the types the
    page declares (JSON-LD ``@type``, ``og:type``) and the shape of its address.

    An address of a home page, a date archive, a legal page (terms, privacy), a tag,
    author, search or event page decides first (an expert's page may hold a long
    biography, a portal's home page a long featured text). Then prose: a page with a long
    run of paragraphs in one place is an article whatever else its address says (news
    sites put ``?page=1`` into article URLs), and a page without one is not, whatever it
    declares (unless it declares an article and holds at least a short paragraph).
    Between the two bounds the declared type, then the address, then the text decide.

    ``path`` is the page's address (its canonical one when it names it; None for a saved
    file that names none: then the text and the declared type decide); ``own_path`` the
    path it was fetched from, when known. Only a fetched home-page address decides alone:
    sites that point every page's canonical link at their home page exist."""
    listing = None
    if path is not None:
        listing = next((reason for pattern, reason in LISTING_PATHS if pattern.search(path)), None)
    decisive = listing in DECISIVE_PATHS
    if listing == "home page":
        decisive = own_path is not None and bool(HOME_PATH.search(own_path))
    if decisive and listing:
        return "listing", listing
    if running >= STRONG_RUNNING_TEXT:
        return "article", "long running text"
    if running < MIN_RUNNING_TEXT and not (types & ARTICLE_TYPES and running >= MIN_DECLARED_TEXT):
        return "listing", listing or "little running text (links, teasers or a form)"
    if types & ARTICLE_TYPES and running >= MIN_DECLARED_TEXT:
        return "article", "declares an article (JSON-LD or og:type)"
    if types & LISTING_TYPES:
        return "listing", "declares a collection, profile, search or event"
    if listing:
        return "listing", listing
    return "article", "running text"


def inspect_text(text: str, url: str) -> PageInfo:
    """Classify a page known only by its visible text (a stored copy without markup, as
    text archives and search engines keep pages): the rules of ``text_rules``, then, for
    a page they keep, the learned model of ``sites.textmodel``, which rejects a page whose
    words and line shapes read like a listing's or an organisation's own page (its
    threshold is a score no labelled tuning article reached in its cross-validation)."""
    info = text_rules(text, url)
    if info.kind != "article":
        return info
    from corpus_search.sites.textmodel import shipped

    model = shipped()
    if model is not None:
        score = model.score(text)
        if score >= model.threshold:
            info.kind = "listing"
            info.reason = f"reads like a page about other pages (text model, {score:.2f})"
    return info


def text_rules(text: str, url: str) -> PageInfo:
    """Classify a page known only by its visible text (a stored copy without markup, as
    text archives and search engines keep pages): the same judgement as ``inspect_page``,
    with the running text measured on the lines (a line of at least 40 characters is
    prose; a short line, a title or a date, ends a run). Without markup no text is known
    to sit inside a link, so prose is measured more generously than in HTML, and the
    address of a listing's later page, or of a category's, program's or region's own page,
    decides alone (in HTML their long featured text yields to the markup). Signs that the
    text is about other pages (an archive's title, words for its own search box, people
    listed with their degrees, press appearances, a list's heading before any body, titles
    credited to their source) and that it describes its own organisation's offers (a call
    for applications; the organisation as the subject of its sentences, naming kinds of its
    offerings, with no reported speech, no "I" and hardly any past tense) are read in text
    only: markup tells those pages apart."""
    info = PageInfo("other", "")
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    antibot = next((r for m, r in ANTIBOT_MARKERS if m in text[:5000].lower()), None)
    if antibot and len(text) < ANTIBOT_MAX_TEXT:
        info.kind, info.reason = "antibot", f"anti-bot page: {antibot}"
        return info
    if ERROR_TITLES.search(first) and len(text) < 3000:
        info.kind, info.reason = "error", f"error page ({first[:60]})"
        return info
    address = web_url(url)
    target = _address(address or "")
    path = target.path + (f"?{target.query}" if target.query else "") if address else None
    lines = [" ".join(line.split()) for line in text.splitlines()]
    filled = [line for line in lines if line]
    shape = _listing_shape(filled) or _about_other_pages(filled) or _own_offers(text)
    if shape:
        info.kind, info.reason = "listing", shape
        return info
    teasers = sum(1 for line in lines if TEASER_LINE.match(line))
    running = _text_runs(text, teasers=teasers >= 3)
    blurbs = [line for line in lines if len(line) >= BLURB_LINE]
    long_teasers = sum(1 for line in blurbs if TEASER_LINE.match(line))
    if teasers >= 3 and (running < BODY_RUN or 2 * long_teasers >= len(blurbs)):
        info.kind, info.reason = "listing", f"{teasers} teaser lines (dates, bylines, read more)"
        return info
    if path is not None and LATER_PAGE.search(path):
        info.kind, info.reason = "listing", "a later page of a listing (address)"
        return info
    if path is not None and SECTION_PAGE.search(path):
        info.kind, info.reason = "listing", "a category, program or region page (address)"
        return info
    ends = _paragraph_ends([line for line in lines if line])
    unended = sum(1 for end in ends if not end)
    if len(ends) >= 6 and unended >= 0.9 * len(ends):
        info.kind, info.reason = (
            "listing",
            f"{unended} of {len(ends)} paragraphs end unlike sentences",
        )
        return info
    info.kind, info.reason = judge(path, set(), running, (target.path or "/") if address else None)
    return info


def _listing_shape(lines: list[str]) -> str | None:
    """What in a page's text lines (blank lines left out) shows it lists other pages, or
    None: a count of its items or pages, an event's hours among its first lines, titles or
    blurbs printed twice in a row (a listing repeats a teaser's title as its link; an
    article may quote a line again, but not straight after it), prose cut into list
    items, blurbs (lines of at most a blurb's length) that open in lower case after a
    full stop (their subject was a link: "sees three options..."), a short line printed
    once per item with its own date or length, titles each led by its date on the same
    line, or headlines each with a one-line standfirst."""
    count = next((line for line in lines if COUNT_LINE.match(line)), None)
    if count:
        return f"a count of items or pages ({count[:40]})"
    hours = next((line for line in lines[:EVENT_HEAD] if TIME_RANGE_LINE.match(line)), None)
    if hours:
        return f"an event's hours ({hours[:40]})"
    last: dict[str, int] = {}
    repeats: dict[str, int] = {}
    late: set[str] = set()  # lines printed again after the header
    for number, line in enumerate(lines):
        if REPEATED_LINE[0] <= len(line) <= REPEATED_LINE[1]:
            if number - last.get(line, -REPEAT_GAP - 1) <= REPEAT_GAP:
                repeats[line] = repeats.get(line, 0) + 1
                if number >= HEADER_LINES:
                    late.add(line)
            last[line] = number
    # A header printed twice (the page's title, then its heading) is no listing.
    repeats = {line: n for line, n in repeats.items() if line in late}
    # Two titles printed twice, or one blurb printed thrice among other lines (a text made
    # of one paragraph over and over is no listing).
    boilerplate = [n for n in repeats.values() if n >= 2 and 2 * (n + 1) < len(lines)]
    if len(repeats) >= 2 or boilerplate:
        return f"{len(repeats)} titles or blurbs printed again straight after"
    prose = [line for line in lines if len(line) >= _MIN_BLOCK]
    items = [line for line in prose if ITEM_LINE.match(line)]
    if (
        len(items) >= 5
        and sum(map(len, items)) >= 0.6 * sum(map(len, prose))
        and not _argued_points(items)
    ):
        return f"{len(items)} of {len(prose)} lines of prose are list items"
    headless = sum(
        1
        for line, before in zip(lines[1:], lines, strict=False)
        if _MIN_BLOCK <= len(line) <= REPEATED_LINE[1]
        and line[:1].islower()
        and FULL_STOP.search(before)
    )
    if headless >= 2:
        return f"{headless} blurbs open in lower case (their subject was a link)"
    template = _repeated_template(lines)
    if template:
        return template
    dated = [
        line
        for line in lines
        if (match := DATED_TITLE.match(line)) and not SENTENCE_END.search(match["title"])
    ]
    if len(dated) >= DATED_TITLES:
        return f"{len(dated)} titles led by their dates ({dated[0][:40]})"
    return _headline_list(lines)


# - a series' or a section's own page, titled by what it collects ("Working Papers",
#   "Policy Briefs", "Research Areas"): its first line is that name alone.
COLLECTION_TITLE = re.compile(
    r"^(?:working\s+papers?(?:\s+series)?|(?:policy|research|discussion|occasional)\s+"
    r"(?:papers|briefs)(?:\s+series)?|research\s+areas|press\s+releases|newsletters"
    r"|episodes)\s*$",
    re.I,
)


# - an archive's index of years, a line of five years or more and nothing else
#   ("2025, 2024, 2023, 2022, 2021").
YEARS_LINE = re.compile(r"^(?:(?:19|20)\d\d[\s,;|/·•-]{1,4}){4,}(?:19|20)\d\d\W*$")


def _argued_points(items: list[str]) -> bool:
    """Whether list items read as an argument's points rather than a listing's entries:
    long (ARGUED_ITEM characters on average, more than a blurb) and most of them ending
    like sentences, as a brief's bulleted findings or recommendations do."""
    ended = sum(1 for item in items if FULL_STOP.search(item))
    return sum(map(len, items)) >= ARGUED_ITEM * len(items) and ended >= 0.7 * len(items)


def _about_other_pages(lines: list[str]) -> str | None:
    """What in a page's text lines (blank lines left out) shows the page is about other
    pages rather than an argument of its own, or None: a title naming an archive, words
    for its own search box and filters, people listed with their degrees or honours, an
    account of its people's press appearances, a list's heading before any body, or
    titles each credited to their source."""
    if lines and ARCHIVE_TITLE.match(lines[0]):
        return f"an archive's title ({lines[0][:40]})"
    if lines and COLLECTION_TITLE.match(lines[0]):
        return f"a series' or section's own page ({lines[0][:40]})"
    years = next((line for line in lines if YEARS_LINE.match(line)), None)
    if years:
        return f"an archive's index of years ({years[:40]})"
    interface = {m.group(0).lower() for m in INTERFACE_WORDS.finditer("\n".join(lines))}
    if len(interface) >= INTERFACE_MIN:
        return f"words for its own search or links ({', '.join(sorted(interface))[:60]})"
    body = _body_start(lines)
    people = _people_entries(lines)
    early = sum(1 for number, kind in people if number < body and kind == "credential")
    if early >= PEOPLE_BLOCKS or (len(people) >= PEOPLE_ENTRIES and people[0][0] < body):
        return f"{len(people)} people named with their degrees, honours or a biography"
    mentions = [len(PRESS_MENTION.findall(line)) for line in lines]
    if sum(mentions) >= PRESS_MENTIONS and sum(1 for n in mentions if n) >= 2:
        return f"{sum(mentions)} appearances in the press"
    heading = next((line for line in lines[:body] if LIST_HEADING.match(line)), None)
    if heading:
        return f"a list's heading before any body ({heading[:40]})"
    credited = sum(
        1
        for line, after in itertools.pairwise(lines)
        if len(line) <= TITLE_LINE
        and CREDITED_TITLE.match(line)
        and len(after) >= BLURB_LINE
        and not CREDITED_TITLE.match(after)
    )
    if credited >= CREDITED_TITLES:
        return f"{credited} titles credited to their source"
    return None


def _own_offers(text: str) -> str | None:
    """What in a text's opening shows the page describes its own organisation's offers
    (a job or internship call, a program's, an event series' or a publication series' own
    page) rather than reporting or arguing, or None: words of a call for applications, or
    the organisation speaking of itself and of kinds of its offerings with no reported
    speech, no "I" and (almost) no past tense."""
    opening = text[:OPENING]
    hiring = {m.lower() for m in APPLICATION_WORDS.findall(opening)}
    if len(hiring) >= APPLICATION_TERMS:
        return f"a call for applications ({', '.join(sorted(hiring))[:60]})"
    invitation = {m.lower().rstrip("s") for m in EVENT_WORDS.findall(opening)}
    if len(invitation) >= EVENT_TERMS:
        return f"an event's own page ({', '.join(sorted(invitation))[:60]})"
    show = {m.lower().rstrip("s") for m in PODCAST_WORDS.findall(opening)}
    if len(show) >= PODCAST_TERMS:
        return f"a podcast's own page ({', '.join(sorted(show))[:60]})"
    subject = OWN_SUBJECT.search(opening[:SUBJECT_OPENING])
    if not subject:
        return None
    kinds = {_singular(word) for word in OFFERINGS.findall(opening)}
    if (
        len(kinds) >= OFFERING_KINDS
        and not REPORTED_SPEECH.search(opening)
        and not FIRST_PERSON.search(opening)
        and len(PAST_TENSE.findall(opening)) <= PAST_WORDS
    ):
        return f"the organisation describes its own offers ({subject.group(0).strip()[:40]})"
    return None


def _singular(word: str) -> str:
    """A word of the offerings in the singular, lower case ("Activities" -> "activity",
    "Reports" -> "report"), so a kind named twice counts once."""
    word = word.lower()
    if word.endswith("series"):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") else word


def _credential_line(line: str) -> bool:
    """A short line, not a sentence, that names a degree or an honour."""
    return (
        len(line) <= TITLE_LINE and not SENTENCE_END.search(line) and bool(CREDENTIAL.search(line))
    )


def _people_entries(lines: list[str]) -> list[tuple[int, str]]:
    """Where a list of people shows, in line numbers: each block of adjacent lines naming
    a degree or an honour ("credential"), and each paragraph that opens a biography of a
    person a short line just above named, a line that is no sentence ("Chris is a
    professor...", after "Professor Sir Chris Smith FRS"; "biography")."""
    entries: list[tuple[int, str]] = []
    last = -2
    for number, line in enumerate(lines):
        if _credential_line(line):
            if number > last + 1:
                entries.append((number, "credential"))
            last = number
            continue
        opener = BIO_OPENER.match(line)
        if opener and len(line) >= _MIN_BLOCK:
            names = " ".join(
                above
                for above in lines[max(0, number - BIO_NAME_LINES) : number]
                if len(above) < BLURB_LINE and not SENTENCE_END.search(above)
            )
            if re.search(rf"\b{re.escape(opener['name'])}\b", names):
                entries.append((number, "biography"))
    return entries


def _body_start(lines: list[str]) -> int:
    """The number of the line where the text's first body of prose (a run of lines of
    prose reaching ``BODY_RUN`` characters; a line naming a degree or an honour ends a run)
    ends, or the number of lines."""
    run = 0
    for number, line in enumerate(lines):
        prose = len(line) >= _MIN_BLOCK and not _credential_line(line)
        run = run + len(line) if prose else 0
        if run >= BODY_RUN:
            return number
    return len(lines)


def _repeated_template(lines: list[str]) -> str | None:
    """A short line printed once per item with other figures: a date, an episode's length
    and number ("Dec 2", "36 min 153. episode"), the same line but for its numbers and
    month or day names, at least ``TEMPLATE_LINES`` times, never twice in a row. A line
    with one number only ("Step 2", "Meal 3") numbers an article's own parts and is left
    out, as are lines without letters (clock times, scores), and the credit lines of posts
    an article quotes ("\u2014 A. Writer (@awriter) May 3, 2020"). Dates alone on their lines,
    each followed by a paragraph of prose that ends as a sentence (two in three at least),
    are a chronology's headings ("March 3" over what happened that day), not a listing's
    entries."""
    seen: dict[str, list[int]] = {}
    for number, line in enumerate(lines):
        if len(line) > TEMPLATE_LINE or not re.search(r"\d", line) or POST_CREDIT.match(line):
            continue
        shape = WEEKDAY.sub("D", MONTH.sub("M", line))
        figures = len(re.findall(r"\d+", shape))
        if not re.search(r"[^\W\d_]", shape) or (figures < 2 and "M" not in shape.split()):
            continue
        seen.setdefault(re.sub(r"\d+", "0", shape), []).append(number)
    for shape, numbers in seen.items():
        apart = all(b - a > 1 for a, b in itertools.pairwise(numbers))
        headed = DATE_ONLY.match(shape) and sum(
            1
            for n in numbers
            if n + 1 < len(lines)
            and len(lines[n + 1]) >= BLURB_LINE
            and SENTENCE_END.search(lines[n + 1])
        )
        if len(numbers) >= TEMPLATE_LINES and apart and 3 * (headed or 0) < 2 * len(numbers):
            return f"{len(numbers)} lines of one pattern ({shape[:30]})"
    return None


def _headline_list(lines: list[str]) -> str | None:
    """Headlines each followed by a one-line standfirst: a headline (a line of a title's
    length, ``HEADLINE`` characters at least, not ending as a sentence) then a short
    paragraph of prose, over and over, a standfirst seldom followed by a second paragraph
    (for one in four at most). An article's subheadings are shorter than a headline, and a
    paragraph under one is followed by more. A text wrapped at a fixed width (a third of
    its long lines going on in lower case on the next) is not judged so: its lines are no
    headlines."""
    long = [after[:1] for line, after in itertools.pairwise(lines) if len(line) >= _MIN_BLOCK]
    if 3 * sum(start.islower() for start in long) >= len(long):
        return None
    kinds = [_line_kind(line) for line in lines]
    blurbs, follow = [], 0
    for line, kind, before in zip(lines[1:], kinds[1:], kinds, strict=False):
        if kind == "sentence" and before == "title":
            blurbs.append(len(line))
        follow += kind == "sentence" and before == "sentence"
    heads = [
        len(line)
        for line, kind, after in zip(lines, kinds, [*kinds[1:], ""], strict=True)
        if kind == "title" and after == "sentence"
    ]
    if (
        len(blurbs) >= HEADLINE_ITEMS
        and 4 * follow <= len(blurbs)
        and statistics.median(heads) >= HEADLINE
        and statistics.median(blurbs) <= STANDFIRST
    ):
        return f"{len(blurbs)} headlines, each with a one-line standfirst"
    return None


def _line_kind(line: str) -> str:
    """The kind of a line: "sentence" (prose ending as a sentence does), "title" (a
    line of a title's length that does not) or "other"."""
    if len(line) >= _MIN_BLOCK and SENTENCE_END.search(line):
        return "sentence"
    if len(line) <= TITLE_LINE and not SENTENCE_END.search(line):
        return "title"
    return "other"


def looks_like_article_url(url: str) -> bool:
    """A guess for generic crawls: a slug-like last path segment not shaped like a
    listing (``/2025/05/some-long-title/``, ``/analysis/some-title.html``)."""
    parts = _address(url)
    path = parts.path
    if any(p.search(path + (f"?{parts.query}" if parts.query else "")) for p, _ in LISTING_PATHS):
        return False
    segments = [s for s in path.split("/") if s]
    if not segments:
        return False
    last = re.sub(r"\.(html?|php|aspx?)$", "", segments[-1])
    return last.count("-") >= 2 or (len(segments) >= 2 and last.isdigit() and len(last) >= 4)


# -- helpers ------------------------------------------------------------------------------


def _address(url: str) -> Any:
    """``urlsplit(url)``; an address it cannot split ("https://[ccpa-preferences]/") has
    no path we can judge, which must not read as a home page ("" or "/")."""
    try:
        return urlsplit(url)
    except ValueError:
        return urlsplit("unknown:/unreadable-address")


def _canonical(soup: BeautifulSoup, url: str) -> str | None:
    link = soup.find("link", rel=lambda v: v is not None and "canonical" in v)
    if isinstance(link, Tag) and link.get("href"):
        return web_url(str(link["href"]), url)
    return None


def _collect_links(soup: BeautifulSoup, url: str, info: PageInfo) -> None:
    seen: set[str] = set()
    for anchor in soup.find_all("a", href=True):
        href = str(anchor["href"]).strip()
        if not href or href.startswith(("#", "mailto:", "javascript:", "tel:")):
            continue
        absolute = web_url(href, url)
        if absolute is None:
            continue
        if absolute not in seen:
            seen.add(absolute)
            info.links.append(absolute)
        rel: list[str] = list(anchor.get("rel") or [])
        if info.next_url is None and (
            "next" in rel or NEXT_TEXT.match(anchor.get_text(" ", strip=True) or "")
        ):
            info.next_url = absolute
    for link in soup.find_all("link", href=True):
        rel = [r.lower() for r in (link.get("rel") or [])]
        kind = str(link.get("type") or "").lower()
        found_url = web_url(str(link["href"]), url)
        if found_url is None:
            continue
        if "next" in rel and info.next_url is None:
            info.next_url = found_url
        if "alternate" in rel and ("rss" in kind or "atom" in kind):
            info.feeds.append(found_url)
    for time_tag in soup.find_all("time"):
        stamp = _parse_date(str(time_tag.get("datetime") or time_tag.get_text(" ", strip=True)))
        if stamp is None:
            continue
        holder = time_tag.find_parent(["li", "article", "div", "tr"])
        found = holder.find("a", href=True) if isinstance(holder, Tag) else None
        dated = web_url(str(found["href"]), url) if isinstance(found, Tag) else None
        if dated is not None:
            info.link_dates.setdefault(dated, stamp)


def _declared_types(soup: BeautifulSoup) -> set[str]:
    types: set[str] = set()
    og = soup.find("meta", attrs={"property": "og:type"})
    if isinstance(og, Tag) and og.get("content"):
        types.add(str(og["content"]).strip().lower())
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(script.string or "")
        except (json.JSONDecodeError, TypeError):
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                value = item.get("@type", item.get("type"))
                for t in value if isinstance(value, list) else [value]:
                    if isinstance(t, str):
                        types.add(t.lower())
                stack.extend(v for k, v in item.items() if k in ("@graph", "graph", "mainEntity"))
    return types


_BLOCKS = frozenset(
    [
        "p",
        "div",
        "li",
        "td",
        "th",
        "dd",
        "dt",
        "blockquote",
        "pre",
        "section",
        "article",
        "main",
        "body",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "figcaption",
        "ul",
        "ol",
        "dl",
        "table",
        "tbody",
        "tr",
        "form",
        "header",
        "footer",
        "aside",
        "nav",
        "center",
        "details",
    ]
)
_UNSEEN = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "select",
        "option",
        "button",
        "textarea",
        "head",
        "title",
        "iframe",
    ]
)
_MIN_BLOCK = 40  # characters: shorter bits (dates, bylines, labels) are not prose


def running_text(soup: BeautifulSoup) -> int:
    """Characters of prose in the page's densest container: the text outside links of each
    block element (paragraph, list item, cell, ``div`` with loose text), blocks shorter
    than a line left out, summed over the blocks that share a parent, and the largest sum.
    An article's paragraphs sit side by side in one container; a listing's teasers each
    sit in a card of their own, and its headlines are links."""
    own: dict[int, list[Any]] = {}
    for string in soup.find_all(string=True):
        if isinstance(string, Comment):
            continue
        text = string.strip()
        if not text:
            continue
        block: Tag | None = None
        node = string.parent
        inside_link = False
        while isinstance(node, Tag):
            if node.name in _UNSEEN:
                break
            if node.name == "a":
                inside_link = True
            if block is None and node.name in _BLOCKS:
                block = node
            node = node.parent
        else:
            if block is not None and not inside_link:
                own.setdefault(id(block), [block, 0])[1] += len(" ".join(text.split()))
    groups: dict[int, int] = {}
    for block, size in own.values():
        if size < _MIN_BLOCK:
            continue
        parent = block.parent
        while isinstance(parent, Tag) and parent.name not in _BLOCKS:
            parent = parent.parent
        key = id(parent) if parent is not None else 0
        groups[key] = groups.get(key, 0) + size
    return max(groups.values(), default=0)


def _text_runs(text: str, teasers: bool = False) -> int:
    """``running_text`` for plain text: the longest run of prose lines (40 characters or
    more), blank lines inside a run allowed, any other short line ending it; with
    ``teasers`` (a page that prints several), a teaser line (a byline with its date, a
    blurb cut short) ends it too: it is an item's, not prose."""
    best = run = 0
    for line in text.splitlines():
        line = " ".join(line.split())
        size = len(line)
        if size >= _MIN_BLOCK and not (teasers and TEASER_LINE.match(line)):
            run += size
            best = max(best, run)
        elif size:
            run = 0
    return best


def _paragraph_ends(lines: list[str]) -> list[bool]:
    """For each line of prose (``BLURB_LINE`` characters or more) that ends a paragraph,
    whether it ends as a sentence does. A line followed by one that starts in lower case
    is a text wrapped at a fixed width, not the end of a paragraph, and is left out."""
    ends: list[bool] = []
    for line, after in zip(lines, [*lines[1:], ""][: len(lines)], strict=True):
        if len(line) >= BLURB_LINE and not after[:1].islower():
            ends.append(bool(SENTENCE_END.search(line)))
    return ends


def _text_of(soup: BeautifulSoup) -> str:
    body = soup.body or soup
    return body.get_text(" ", strip=True)


def _parse_date(value: str) -> date | None:
    value = value.strip()
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    for fmt in ("%B %d, %Y", "%d %B %Y", "%b %d, %Y", "%d %b %Y"):
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None
