"""Fault injection on a folder of articles: each bad article gives one message, including a
1 MB single-line article (seconds of extraction, hence here rather than in tests/unit)."""


from conftest import write_folder

from helpers import press


def test_bad_articles_give_one_message_each_and_the_rest_are_read(tmp_path):
    good = "Năm 2022, chỉ số DTI của tỉnh đứng thứ 12/63.".encode()
    long_line = ("Tỉnh có 12 nền tảng số mới và dịch vụ công trực tuyến " * 20000).encode()
    write_folder(tmp_path, {
        "good.txt": good,
        "empty.txt": b"",
        "latin1.txt": "Tỉnh đứng thứ 5".encode("utf-16"),
        "markup.html": b"<div>Ch&#7881; s&#7889; DTI &amp; x&#7871;p th&#7913; 8/63</div>",
        "long.txt": long_line,
        "stranger.txt": good,
    }, [("good.txt", "Bắc Ninh"), ("empty.txt", "Bắc Ninh"), ("latin1.txt", "Lào Cai"),
        ("markup.html", "Lào Cai"), ("missing.txt", "Bắc Giang"), ("long.txt", "Lào Cai"),
        ("stranger.txt", "Bắc Nihn")])
    assert len(long_line) > 1_000_000
    found, errors = press.extract_folder(tmp_path)
    assert len(errors) == 4, errors
    joined = "\n".join(errors)
    for expected in ("empty.txt: empty", "latin1.txt: not UTF-8", "missing.txt: listed in the "
                     "manifest but not found", "stranger.txt: manifest province",
                     "did you mean 'Bắc Ninh'"):
        assert expected in joined
    assert set(found["file"]) == {"good.txt", "markup.html", "long.txt"}
    markup = found[found.file == "markup.html"]
    assert markup[markup.fact_type == "dti_rank"]["value"].tolist() == [8]
