"""Shell completion, driven the way each shell drives it: the installed CLI run as a real
process with the environment variables click's completion scripts set (COMP_WORDS,
COMP_CWORD, _CORPUS_SEARCH_COMPLETE), its candidates read from stdout."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.shell_completion import split_arg_string

from corpus_search import Corpus
from corpus_search.sites import load_profiles


def complete(
    words: str, index: Path | None = None, shell: str = "bash"
) -> tuple[list[str], subprocess.CompletedProcess]:
    """The candidates the CLI offers for the last word of ``words`` (bash and zsh are
    told its position, fish the word itself)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CORPUS_SEARCH", "COMP_"))}
    if index is not None:
        env["CORPUS_SEARCH_INDEX"] = str(index)
    parts = split_arg_string(words)
    if words.endswith(" ") and not words.endswith("\\ "):
        parts.append("")  # the shell is completing a new, empty word
    env["COMP_WORDS"] = words
    env["COMP_CWORD"] = words.rsplit(" ", 1)[-1] if shell == "fish" else str(len(parts) - 1)
    env["_CORPUS_SEARCH_COMPLETE"] = f"{shell}_complete"
    done = subprocess.run(
        [sys.executable, "-m", "corpus_search"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0 and done.stderr == "", done.stderr
    lines = [line for line in done.stdout.split("\n") if line]
    if shell == "zsh":  # type, value, help ("_" for none): a line each
        values = [lines[i + 1] for i in range(0, len(lines), 3)]
    else:  # "type,value" per line
        values = [line.split(",", 1)[1].split("\t")[0] for line in lines]
    return values, done


def test_commands_and_options() -> None:
    assert complete("corpus-search s")[0] == [
        "saved",
        "search",
        "show",
        "similar",
        "sites",
        "stats",
    ]
    assert complete("corpus-search search --ac")[0] == ["--actor"]
    assert "--plot" in complete("corpus-search trend --p")[0]
    assert complete("corpus-search trend --by m")[0] == ["month"]  # a choice
    assert complete("corpus-search saved r")[0] == ["remove", "run"]


def test_actor_names_come_from_the_corpus(demo_index: Path) -> None:
    known = Corpus.open(demo_index).actor_names()
    values, _ = complete("corpus-search search --actor Ru", demo_index)
    assert "Russia" in values
    assert values == [n.replace(" ", "\\ ") for n in known if n.startswith("Ru")]
    # --key-actor and actors --with too; a word inside a name also matches
    assert "Russia" in complete("corpus-search trend --key-actor ru", demo_index)[0]
    assert complete("corpus-search actors --with Puti", demo_index)[0] == ["Vladimir\\ Putin"]


def test_names_with_spaces_in_each_shell(demo_index: Path) -> None:
    # bash inserts the candidate as printed: its spaces come escaped
    bash, _ = complete("corpus-search search --actor United\\ St", demo_index)
    assert "United\\ States" in bash
    zsh, _ = complete("corpus-search search --actor United", demo_index, shell="zsh")
    assert "United States" in zsh and all(v.startswith("United") for v in zsh)
    fish, done = complete("corpus-search search --actor Unit", demo_index, shell="fish")
    assert "United States" in fish and done.stdout.startswith("plain,")


def test_either_of_two_actors(demo_index: Path) -> None:
    values, _ = complete("corpus-search search --actor China\\|Tai", demo_index, shell="zsh")
    assert "China|Taiwan" in values and all(v.startswith("China|Tai") for v in values)
    values, _ = complete("corpus-search search --actor China\\|Tai", demo_index)
    assert "China\\|Taiwan" in values  # bash would read a bare | as a pipe
    assert all(v.startswith("China\\|Tai") and " " not in v.replace("\\ ", "") for v in values)


def test_theme_ids_and_site_profiles(demo_index: Path) -> None:
    assert complete("corpus-search search --theme nuc", demo_index)[0] == ["nuclear-weapons"]
    themes, _ = complete("corpus-search export --theme ", demo_index)
    assert len(themes) > 10 and "arms-control" in themes
    assert complete("corpus-search crawl ")[0] == sorted(load_profiles())
    assert complete("corpus-search sites ru")[0] == ["rusi"]


def test_saved_search_names(demo_index: Path, tmp_path: Path) -> None:
    index = tmp_path / "ix"
    shutil.copytree(demo_index, index, ignore=shutil.ignore_patterns("demo-site"))
    corpus = Corpus.open(index)
    from corpus_search.query import Query

    corpus.saved.add("gulf-shipping", Query.build("shipping", actors=["Iran"]))
    corpus.saved.add("arms", Query.build("arms control"))
    assert complete("corpus-search saved run ", index)[0] == ["arms", "gulf-shipping"]
    assert complete("corpus-search saved remove g", index)[0] == ["gulf-shipping"]
    # --index given on the command line is the corpus read
    words = f"corpus-search --index {index} saved run a"
    assert complete(words)[0] == ["arms"]


def test_never_fails(tmp_path: Path) -> None:
    """No corpus, a damaged one, a bad --index: no candidates, no error, exit 0."""
    assert complete("corpus-search search --actor Ru", tmp_path / "none")[0] == []
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    (damaged / "corpus.json").write_text("{not json")
    (damaged / "_corpus_1.toc").write_bytes(b"\x00garbage")
    assert complete("corpus-search search --actor Ru", damaged)[0] == []
    assert complete("corpus-search saved run ", damaged)[0] == []
    assert complete("corpus-search --index /dev/null/x search --theme a")[0] == []


@pytest.mark.parametrize(
    ("shell", "marker"), [("bash", "complete "), ("zsh", "compdef"), ("fish", "complete ")]
)
def test_each_shell_gets_its_script(shell: str, marker: str) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CORPUS_SEARCH")}
    env["CORPUS_SEARCH_CACHE"] = os.environ.get("CORPUS_SEARCH_CACHE", "off")  # the run's own
    env["_CORPUS_SEARCH_COMPLETE"] = f"{shell}_source"
    done = subprocess.run(
        [sys.executable, "-m", "corpus_search"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0 and marker in done.stdout
    assert "_CORPUS_SEARCH_COMPLETE" in done.stdout


def test_in_bash_itself(demo_index: Path) -> None:
    """The script bash sources, run by bash: the completion function fills COMPREPLY
    with words bash reads back as one argument each."""
    bash = shutil.which("bash")
    script = Path(sys.executable).with_name("corpus-search")
    if bash is None or not script.exists():
        pytest.skip("needs bash and the installed corpus-search script")
    program = (
        'eval "$(_CORPUS_SEARCH_COMPLETE=bash_source corpus-search)"\n'
        "COMP_WORDS=(corpus-search search --actor Vlad); COMP_CWORD=3\n"
        "_corpus_search_completion corpus-search\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
        "COMP_WORDS=(corpus-search search --actor 'China\\|Tai'); COMP_CWORD=3\n"
        "_corpus_search_completion corpus-search\n"
        'eval "set -- ${COMPREPLY[0]}"; printf "%s (%s words)\\n" "$1" "$#"\n'
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("CORPUS_SEARCH")}
    env["CORPUS_SEARCH_CACHE"] = os.environ.get("CORPUS_SEARCH_CACHE", "off")  # the run's own
    env["CORPUS_SEARCH_INDEX"] = str(demo_index)
    env["PATH"] = f"{script.parent}{os.pathsep}{env.get('PATH', '')}"
    done = subprocess.run(
        [bash, "--norc", "--noprofile", "-c", program],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["Vladimir\\ Putin", "China|Taiwan (1 words)"]


def test_the_listings_completion_reads(demo_index: Path) -> None:
    corpus = Corpus.open(demo_index)
    names = corpus.actor_names()
    # the same actors as `actors`, in its order (most documents first), without the gazetteer
    assert names == [a.name for a in corpus.actors()]
    themes = corpus.theme_ids()
    assert themes == sorted(themes) and "nuclear-weapons" in themes
    assert {t for row in corpus.stats().themes for t in row[:1]} <= set(themes)
