"""The same cooperative or legal document in two files is an error naming both files: it used
to be counted twice in the directory and the plan's targets."""

from __future__ import annotations

COOP = "models_data/cooperatives/htx-dong-tam.yaml"
LAW = "models_data/legal/luat-htx-2012.yaml"


def test_the_same_cooperative_in_two_files_is_an_error(project):
    text = project.path(COOP).read_text(encoding="utf-8")
    # The same name typed in capitals, decomposed accents and a double space.
    copy = text.replace("Hợp tác xã Đồng Tâm", "HỢP TÁC XÃ  ĐỒNG TÂM".replace("Ồ", "O\u0302\u0300"))
    project.write("models_data/cooperatives/htx-dong-tam-2.yaml", copy)
    check = project.check_in_process()
    assert check.returncode == 1
    assert (
        "models_data/cooperatives/htx-dong-tam-2.yaml:1: name: trùng tên và xã với hồ sơ 'htx-dong-tam' "
        f"({COOP})" in check.stderr
    ), check.stderr


def test_the_same_legal_number_in_two_files_is_an_error(project):
    project.write("models_data/legal/luat-htx-2012-ban-sao.yaml", project.path(LAW).read_text(encoding="utf-8"))
    check = project.check_in_process()
    assert check.returncode == 1
    assert (
        "models_data/legal/luat-htx-2012-ban-sao.yaml:1: number: số hiệu '23/2012/QH13' trùng với văn bản "
        f"'luat-htx-2012' ({LAW})" in check.stderr
    ), check.stderr
