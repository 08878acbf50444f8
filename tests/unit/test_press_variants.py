"""Natural variations of each press construction, on sentences written for these tests.

Each case is an invented provincial press sentence with the facts a labeller would write for it
under ``../shared/press/LABELING.md``: (entity, year, fact type, pillar, value, target,
denominator). The extractor must give exactly these facts, no more and no fewer.
"""

import pytest

from helpers import press

HOME = "Bắc Ninh"
TA, DTI, PIL, CHG, IND = "target_attainment", "dti_rank", "pillar_rank", "rank_change", "indicator"


def found(text: str, published: str = "2024-03-01") -> list[tuple]:
    article = press.Article("v.txt", HOME, published, "", press.clean_text(text))
    return sorted(((f.province, f.year, f.fact_type, f.pillar, f.value, f.target, f.denominator)
                   for f in press.extract(article)), key=_order)


def _order(row: tuple) -> str:
    """Sort rows whose years or values may be blank, ints and floats alike."""
    return repr(tuple(float(x) if isinstance(x, int) else x for x in row))


def fact(fact_type: str, value: float | None, *, year: int | None = 2023, pillar: str = "",
         target: float | None = None, den: float | None = None, who: str = HOME) -> tuple:
    return (who, year, fact_type, pillar, value, target, den)


TARGETS = [
    ("Năm 2023, tỷ lệ hồ sơ trực tuyến toàn trình đạt 68%/mục tiêu 50%.",
     [fact(TA, 68, target=50)]),
    ("Năm 2023, tỷ lệ hồ sơ trực tuyến toàn trình đạt 68% (kế hoạch 50%).",
     [fact(TA, 68, target=50)]),
    ("Năm 2023, tỷ lệ hồ sơ trực tuyến toàn trình đạt 68%, vượt chỉ tiêu 50%.",
     [fact(TA, 68, target=50)]),
    ("Năm 2023, tỷ lệ thanh toán không dùng tiền mặt đạt 100%, vượt chỉ tiêu đề ra (90%).",
     [fact(TA, 100, target=90)]),
    ("Năm 2023, kinh tế số chiếm 12,5% GRDP, chỉ tiêu là 15%.", [fact(TA, 12.5, target=15)]),
    ("Năm 2023, tỷ lệ người dân có tài khoản định danh điện tử đạt 85% so với kế hoạch 80%.",
     [fact(TA, 85, target=80)]),
    ("Năm 2023, tỷ lệ hộ gia đình có cáp quang đạt 92% so với mục tiêu 90%.",
     [fact(TA, 92, target=90)]),
    ("Năm 2023, tỷ lệ hồ sơ được số hóa đạt 75%, chưa đạt chỉ tiêu 80%.",
     [fact(TA, 75, target=80)]),
    ("Năm 2023, tỷ lệ hồ sơ được số hóa đạt 75% trên chỉ tiêu 80%.", [fact(TA, 75, target=80)]),
    ("Năm 2023, tỷ lệ hồ sơ được số hóa đạt 75% (chỉ tiêu: 80%).", [fact(TA, 75, target=80)]),
    ("In 2023, the share of online applications reached 68%, against a target of 50%.",
     [fact(TA, 68, target=50)]),
    ("In 2023, cashless payments reached 68% (target: 50%).", [fact(TA, 68, target=50)]),
    ("In 2023, the digital economy accounted for 12.5% of GRDP, short of the 15% target.",
     [fact(TA, 12.5, target=15)]),
    ("In 2023, 95% of households had fibre broadband, exceeding the target of 90%.",
     [fact(TA, 95, target=90)]),
    ("In 2023, online payments reached 68%, compared with a target of 50%.",
     [fact(TA, 68, target=50)]),
]

RANKS_VI = [
    ("Năm 2023, chỉ số DTI của tỉnh đứng ở vị trí thứ 12/63.",
     [fact(DTI, 12, pillar="overall", den=63)]),
    ("Chỉ số DTI 2023 của tỉnh đứng thứ 12/63.", [fact(DTI, 12, pillar="overall", den=63)]),
    ("Theo Chỉ số chuyển đổi số (DTI) 2023, tỉnh xếp thứ 12/63.",
     [fact(DTI, 12, pillar="overall", den=63)]),
    ("Về chỉ số DTI năm 2023, tỉnh đứng hạng 7.", [fact(DTI, 7, pillar="overall")]),
    ("Năm 2023, tỉnh xếp hạng 7 cả nước về chuyển đổi số.", [fact(DTI, 7, pillar="overall")]),
    ("Năm 2023, tỉnh giữ vững vị trí thứ 5 về chuyển đổi số.", [fact(DTI, 5, pillar="overall")]),
    ("Năm 2023, tỉnh vươn lên vị trí thứ 5 về chuyển đổi số, tăng 3 bậc.",
     [fact(DTI, 5, pillar="overall"), fact(CHG, 3, pillar="overall")]),
    ("Năm 2023, chỉ số DTI của tỉnh tụt 4 bậc, xuống vị trí thứ 20.",
     [fact(DTI, 20, pillar="overall"), fact(CHG, -4, pillar="overall")]),
    ("Năm 2023, chỉ số DTI của tỉnh tăng 5 hạng, lên thứ 15.",
     [fact(DTI, 15, pillar="overall"), fact(CHG, 5, pillar="overall")]),
    ("Năm 2024, sau sáp nhập, tỉnh xếp thứ 9/34 về chuyển đổi số.",
     [fact(DTI, 9, year=2024, pillar="overall", den=34)]),
    ("Năm 2023, chỉ số DTI của tỉnh đạt 0,5123 điểm, xếp thứ 15/63.",
     [fact(IND, 0.5123, pillar="overall"), fact(DTI, 15, pillar="overall", den=63)]),
    ("Năm 2023, chỉ số chính quyền số của tỉnh xếp thứ 8, kinh tế số xếp thứ 21.",
     [fact(PIL, 8, pillar="chinh_quyen_so"), fact(PIL, 21, pillar="kinh_te_so")]),
    ("Năm 2023, trụ cột xã hội số của tỉnh đứng thứ 3/63.",
     [fact(PIL, 3, pillar="xa_hoi_so", den=63)]),
    ("Năm 2023, tỉnh lọt top 10 địa phương dẫn đầu về chuyển đổi số.", []),
    ("Năm 2023, chỉ số PCI của tỉnh xếp thứ 6/63.", [fact(IND, 6, den=63)]),
    ("Năm 2023, chỉ số PAPI của tỉnh đứng thứ 10.", [fact(IND, 10)]),
    ("Năm 2023, chỉ số Chính phủ điện tử của Việt Nam tăng 15 bậc.",
     [fact(IND, 15, who="Toàn quốc")]),
    ("Năm 2023, chỉ số DTI bình quân của cả nước đạt 0,5034 điểm.",
     [fact(IND, 0.5034, pillar="overall", who="Toàn quốc")]),
]

RANKS_EN = [
    ("The province placed 12th in the 2023 DTI.", [fact(DTI, 12, pillar="overall")]),
    ("The province came in 12th in the DTI for 2023.", [fact(DTI, 12, pillar="overall")]),
    ("In the 2023 DTI, the province came in at 12th place.", [fact(DTI, 12, pillar="overall")]),
    ("In the DTI 2023, the province rose three places to 12th.",
     [fact(DTI, 12, pillar="overall"), fact(CHG, 3, pillar="overall")]),
    ("In the 2023 DTI, the province fell 4 spots to 20th.",
     [fact(DTI, 20, pillar="overall"), fact(CHG, -4, pillar="overall")]),
    ("In the 2023 DTI, the province slipped two places to 15th.",
     [fact(DTI, 15, pillar="overall"), fact(CHG, -2, pillar="overall")]),
    ("In the 2023 DTI, the province jumped 10 places to No. 5.",
     [fact(DTI, 5, pillar="overall"), fact(CHG, 10, pillar="overall")]),
    ("The province was No. 5 in the 2023 DTI rankings.", [fact(DTI, 5, pillar="overall")]),
    ("In the 2023 DTI, the province was among the top 10.", []),
    ("In the 2023 DTI, the province was in the bottom 10.", []),
    ("The province scored 0.5123 in the 2023 DTI.", [fact(IND, 0.5123, pillar="overall")]),
    ("In 2023, the province ranked 8th for digital government and 21st for digital economy.",
     [fact(PIL, 8, pillar="chinh_quyen_so"), fact(PIL, 21, pillar="kinh_te_so")]),
    ("In 2023, the province ranked 6th in the PCI.", [fact(IND, 6)]),
    ("The province ranked 12th out of 34 in the 2024 DTI after the merger.",
     [fact(DTI, 12, year=2024, pillar="overall", den=34)]),
    ("In 2023, the province ranked 12th nationwide in digital transformation.",
     [fact(DTI, 12, pillar="overall")]),
]

MORE_VI = [
    ("Năm 2023, tỉnh xếp thứ 12 trên 63 tỉnh, thành về chuyển đổi số.",
     [fact(DTI, 12, pillar="overall", den=63)]),
    ("Năm 2023, tỉnh xếp thứ mười hai cả nước về chuyển đổi số.",
     [fact(DTI, 12, pillar="overall")]),
    ("Năm 2023, tỉnh đứng vị trí 12 về chuyển đổi số.", [fact(DTI, 12, pillar="overall")]),
    ("Năm 2023, tỉnh tăng 3 bậc, lên vị trí thứ 9 về chuyển đổi số.",
     [fact(DTI, 9, pillar="overall"), fact(CHG, 3, pillar="overall")]),
    ("Năm 2023, DTI của tỉnh tăng 3 hạng so với năm 2022, xếp thứ 9.",
     [fact(DTI, 9, pillar="overall"), fact(CHG, 3, pillar="overall")]),
    ("Năm 2023, chỉ số DTI của tỉnh giảm 2 bậc so với năm trước.",
     [fact(CHG, -2, pillar="overall")]),
    ("Năm 2023, tỉnh thăng 6 hạng trên bảng xếp hạng DTI.", [fact(CHG, 6, pillar="overall")]),
    ("Năm 2023, tỉnh dẫn đầu cả nước về chuyển đổi số.", [fact(DTI, 1, pillar="overall")]),
    ("Năm 2023, tỉnh đứng đầu cả nước về chỉ số DTI.", [fact(DTI, 1, pillar="overall")]),
    ("Năm 2023, tỉnh đứng thứ 2 khu vực Tây Nguyên về chuyển đổi số.", [fact(IND, 2)]),
    ("Năm 2023, tỉnh nằm trong top 10 về chuyển đổi số.", []),
    ("Năm 2023, tỉnh là 1 trong 5 địa phương dẫn đầu về chuyển đổi số.", []),
    ("Năm 2023, tỉnh đạt 0,6123 điểm DTI, tăng 0,05 điểm so với năm 2022.",
     [fact(IND, 0.6123, pillar="overall"), fact(IND, 0.05, pillar="overall")]),
    ("Năm 2023, trụ cột chính quyền số của tỉnh đạt 0,7012 điểm.",
     [fact(IND, 0.7012, pillar="chinh_quyen_so")]),
    ("Năm 2023, tỉnh xếp thứ 9/63 về chỉ số hạ tầng số.", [fact(DTI, 9, den=63)]),
    ("Năm 2023, CQS xếp thứ 5, KTS xếp thứ 12, XHS xếp thứ 20.",
     [fact(PIL, 5, pillar="chinh_quyen_so"), fact(PIL, 12, pillar="kinh_te_so"),
      fact(PIL, 20, pillar="xa_hoi_so")]),
    ("Trong bảng xếp hạng DTI 2023, tỉnh đứng thứ 12.", [fact(DTI, 12, pillar="overall")]),
    ("Tỉnh xếp thứ 12/63 trong bảng xếp hạng DTI năm 2023.",
     [fact(DTI, 12, pillar="overall", den=63)]),
    ("Tỉnh xếp thứ 12 về chuyển đổi số", [fact(DTI, 12, year=None, pillar="overall")]),
    ("Năm 2024, tỉnh xếp thứ 5/34 tỉnh, thành phố về DTI.",
     [fact(DTI, 5, year=2024, pillar="overall", den=34)]),
    ("Tỉnh Lào Cai xếp thứ 12/63 về DTI năm 2023.",
     [fact(DTI, 12, pillar="overall", den=63, who="Lào Cai")]),
    ("Năm 2023, TP. Hồ Chí Minh dẫn đầu cả nước về DTI, Hà Nội đứng thứ hai.",
     [fact(DTI, 1, pillar="overall", who="Hồ Chí Minh"),
      fact(DTI, 2, pillar="overall", who="Hà Nội")]),
    ("Đến năm 2025, tỉnh phấn đấu nằm trong top 10 tỉnh dẫn đầu về chuyển đổi số.",
     [fact(TA, None, year=2025, pillar="overall", target=10)]),
    ("Mục tiêu đến năm 2025, kinh tế số chiếm 20% GRDP.",
     [fact(TA, None, year=2025, target=20)]),
    ("Năm 2023, tỉnh hoàn thành 18/20 chỉ tiêu chuyển đổi số.", [fact(TA, 18, den=20)]),
    ("Năm 2023, số hồ sơ trực tuyến bằng 85% kế hoạch.", [fact(TA, 85)]),
    ("Năm 2023, tỷ lệ chữ ký số đạt 105% kế hoạch năm.", [fact(TA, 105)]),
]

MORE_EN = [
    ("In 2023, the province ranked 12th among 63 provinces and cities in the DTI.",
     [fact(DTI, 12, pillar="overall", den=63)]),
    ("The province ranked 12th in the DTI 2023.", [fact(DTI, 12, pillar="overall")]),
    ("The province ranked 12th in the 2023 Digital Transformation Index.",
     [fact(DTI, 12, pillar="overall")]),
    ("The province moved up five places to 12th in the 2023 DTI.",
     [fact(DTI, 12, pillar="overall"), fact(CHG, 5, pillar="overall")]),
    ("The province climbed 5 spots in the 2023 DTI.", [fact(CHG, 5, pillar="overall")]),
    ("The province dropped three places in the 2023 DTI rankings.",
     [fact(CHG, -3, pillar="overall")]),
    ("The province led the country in the 2023 DTI.", [fact(DTI, 1, pillar="overall")]),
    ("The province topped the 2023 DTI rankings.", [fact(DTI, 1, pillar="overall")]),
    ("Hanoi came second in the 2023 DTI.", [fact(DTI, 2, pillar="overall", who="Hà Nội")]),
    ("The province ranked 5th in digital society in 2023.",
     [fact(PIL, 5, pillar="xa_hoi_so")]),
    ("In 2023, the province's Digital Infrastructure indicator ranked 3rd.", [fact(DTI, 3)]),
    ("In 2023, the province scored 0.6123 in the DTI, up 0.05 from 2022.",
     [fact(IND, 0.6123, pillar="overall"), fact(IND, 0.05, pillar="overall")]),
    ("In 2023, the province ranked 30th in the e-government ranking.", [fact(IND, 30)]),
    ("Vietnam ranked 71st in the UN E-Government Development Index in 2024.",
     [fact(IND, 71, year=2024, who="Toàn quốc")]),
    ("The national average DTI score in 2023 was 0.5034.",
     [fact(IND, 0.5034, pillar="overall", who="Toàn quốc")]),
    ("By 2025, the digital economy is expected to account for 20% of GRDP.",
     [fact(TA, None, year=2025, target=20)]),
    ("In 2023, the province met 18 of its 20 digital transformation targets.",
     [fact(TA, 18, den=20)]),
    ("In 2023, online applications reached 85% of the plan.", [fact(TA, 85)]),
    ("Năm 2023, thu ngân sách từ kinh tế số đạt 110% so với kế hoạch.", [fact(TA, 110)]),
    ("Năm 2023, số hóa hồ sơ đạt 95,5% kế hoạch năm 2023.", [fact(TA, 95.5)]),
    ("In 2023, the province achieved 110% of its annual plan for cashless payments.",
     [fact(TA, 110)]),
]

ROUND3 = [
    ("Năm 2023, Bắc Giang xếp thứ 8, tăng 5 bậc so với năm 2022.",
     [fact(DTI, 8, pillar="overall", who="Bắc Giang"),
      fact(CHG, 5, pillar="overall", who="Bắc Giang")]),
    ("Chỉ số DTI năm 2023 của tỉnh đạt 0,5512 điểm, xếp thứ 16/63, tăng 9 bậc.",
     [fact(IND, 0.5512, pillar="overall"), fact(DTI, 16, pillar="overall", den=63),
      fact(CHG, 9, pillar="overall")]),
    ("Năm 2023, DTI tỉnh xếp thứ 20, giảm 11 bậc so với năm 2022 (xếp thứ 9).",
     [fact(DTI, 20, pillar="overall"), fact(CHG, -11, pillar="overall"),
      fact(DTI, 9, year=2022, pillar="overall")]),
    ("Năm 2023, tỉnh xếp thứ 10 về kinh tế số và thứ 15 về xã hội số.",
     [fact(PIL, 10, pillar="kinh_te_so"), fact(PIL, 15, pillar="xa_hoi_so")]),
    ("Năm 2023, tỉnh xếp thứ 17 cả nước về chỉ số DTI, đứng thứ 2 khu vực Đồng bằng sông Hồng.",
     [fact(DTI, 17, pillar="overall"), fact(IND, 2)]),
    ("Kết quả DTI 2022, tỉnh xếp thứ 7/63.", [fact(DTI, 7, year=2022, pillar="overall", den=63)]),
    ("Theo Bộ Thông tin và Truyền thông, năm 2023 tỉnh xếp thứ 7/63 về chuyển đổi số.",
     [fact(DTI, 7, pillar="overall", den=63)]),
    ("Năm 2023, tỷ lệ dịch vụ công trực tuyến toàn trình của tỉnh đạt 56,5%.", [fact(IND, 56.5)]),
    ("Năm 2023, tỉnh có 1.250 doanh nghiệp công nghệ số.", [fact(IND, 1250)]),
    ("Năm 2023, doanh thu thương mại điện tử đạt 2.500 tỷ đồng, tăng 12% so với năm 2022.",
     [fact(IND, 2500), fact(IND, 12)]),
    ("Năm 2023, 100% xã, phường có sóng 4G.", [fact(IND, 100)]),
    ("Phấn đấu đến năm 2025, tỷ lệ dịch vụ công trực tuyến toàn trình đạt 80%.",
     [fact(TA, None, year=2025, target=80)]),
    ("Tỉnh đặt mục tiêu đến năm 2030 nằm trong nhóm 10 tỉnh dẫn đầu cả nước về chuyển đổi số.",
     [fact(TA, None, year=2030, pillar="overall", target=10)]),
    ("Tỉnh phấn đấu mỗi năm tăng ít nhất 3 bậc trên bảng xếp hạng DTI.",
     [fact(TA, None, year=None, pillar="overall", target=3)]),
    ("In 2023, Bac Giang ranked 8th, up 5 places from 2022.",
     [fact(DTI, 8, pillar="overall", who="Bắc Giang"),
      fact(CHG, 5, pillar="overall", who="Bắc Giang")]),
    ("The province's DTI score reached 0.5512 in 2023, ranking 16th out of 63.",
     [fact(IND, 0.5512, pillar="overall"), fact(DTI, 16, pillar="overall", den=63)]),
    ("For 2023, the province ranked 20th, down 11 places from 9th in 2022.",
     [fact(DTI, 20, pillar="overall"), fact(CHG, -11, pillar="overall"),
      fact(DTI, 9, year=2022, pillar="overall")]),
    ("In 2023, the province ranked fourth in digital government and seventh in digital economy.",
     [fact(PIL, 4, pillar="chinh_quyen_so"), fact(PIL, 7, pillar="kinh_te_so")]),
    ("The province ranked 17th in the 2023 DTI and second in the Red River Delta region.",
     [fact(DTI, 17, pillar="overall"), fact(IND, 2)]),
    ("In 2023, the province had 1,250 digital technology enterprises.", [fact(IND, 1250)]),
    ("By 2025, the province aims to rank among the top 10 in the DTI.",
     [fact(TA, None, year=2025, pillar="overall", target=10)]),
    ("The province aims to climb at least three places each year in the DTI.",
     [fact(TA, None, year=None, pillar="overall", target=3)]),
    ("In 2023, 100% of communes had 4G coverage.", [fact(IND, 100)]),
]

ROUND4 = [
    ("Năm 2023, tỉnh xếp thứ 12/63 về DTI; trong đó, chính quyền số xếp thứ 5, kinh tế số thứ 18.",
     [fact(DTI, 12, pillar="overall", den=63), fact(PIL, 5, pillar="chinh_quyen_so", den=63),
      fact(PIL, 18, pillar="kinh_te_so", den=63)]),
    ("Năm 2023, tỉnh đứng thứ 3 toàn quốc về chuyển đổi số.", [fact(DTI, 3, pillar="overall")]),
    ("Năm 2023, tỉnh tụt xuống vị trí 40 về DTI.", [fact(DTI, 40, pillar="overall")]),
    ("Năm 2023, tỉnh đứng ở vị trí 25/63 về chuyển đổi số.",
     [fact(DTI, 25, pillar="overall", den=63)]),
    ("Năm 2023, tỉnh xếp hạng thứ 3 trong 63 tỉnh, thành phố về DTI.",
     [fact(DTI, 3, pillar="overall", den=63)]),
    ("Năm 2023, xếp hạng DTI của tỉnh là 14/63.", [fact(DTI, 14, pillar="overall", den=63)]),
    ("Năm 2023, thứ hạng DTI của tỉnh là 14.", [fact(DTI, 14, pillar="overall")]),
    ("Năm 2023, tỉnh vượt lên 6 bậc về chuyển đổi số.", [fact(CHG, 6, pillar="overall")]),
    ("Năm 2023, tỉnh tăng 2 bậc về chỉ số chính quyền số.",
     [fact(CHG, 2, pillar="chinh_quyen_so")]),
    ("Năm 2023, DTI của tỉnh tăng 2 bậc so với năm 2022 và tăng 10 bậc so với năm 2021.",
     [fact(CHG, 2, pillar="overall"), fact(CHG, 10, pillar="overall")]),
    ("The province was ranked 12th in the 2023 DTI.", [fact(DTI, 12, pillar="overall")]),
    ("The province ranked 12th of 63 provinces in the 2023 DTI.",
     [fact(DTI, 12, pillar="overall", den=63)]),
    ("The province ranked 12th out of the 63 provinces in the 2023 DTI.",
     [fact(DTI, 12, pillar="overall", den=63)]),
    ("The province's DTI ranking improved by four places to 12th in 2023.",
     [fact(DTI, 12, pillar="overall"), fact(CHG, 4, pillar="overall")]),
    ("In the DTI, the province rose to 12th in 2023 from 16th in 2022.",
     [fact(DTI, 12, pillar="overall"), fact(DTI, 16, year=2022, pillar="overall")]),
    ("The province held on to 5th place in the 2023 DTI.", [fact(DTI, 5, pillar="overall")]),
    ("The province retained the top spot in the 2023 DTI.", [fact(DTI, 1, pillar="overall")]),
    ("The province ranks 12th in the latest DTI (2023).", [fact(DTI, 12, pillar="overall")]),
]

ROUND5 = [
    ("Bắc Ninh tăng 3 bậc về chỉ số chuyển đổi số\n"
     "Năm 2023, chỉ số DTI của tỉnh Bắc Ninh xếp thứ 9/63, tăng 3 bậc so với năm 2022.",
     [fact(DTI, 9, pillar="overall", den=63), fact(CHG, 3, pillar="overall")]),
    ("Kết quả chỉ số DTI năm 2023\nTỉnh xếp thứ 9/63. Trong đó, chính quyền số xếp thứ 4.",
     [fact(DTI, 9, pillar="overall", den=63), fact(PIL, 4, pillar="chinh_quyen_so")]),
    ("Năm 2024, sau sáp nhập, tỉnh Lào Cai mới xếp thứ 14/34 tỉnh, thành phố.",
     [fact(DTI, 14, year=2024, pillar="overall", den=34, who="Lào Cai")]),
    ("In the 2024 DTI, released after the merger, the province ranked 10th among the 34 "
     "provinces and cities.", [fact(DTI, 10, year=2024, pillar="overall", den=34)]),
    ("Trước sáp nhập, năm 2024 tỉnh xếp thứ 20/63 về chuyển đổi số.",
     [fact(DTI, 20, year=2024, pillar="overall", den=63)]),
    ("Năm 2023, điểm DTI của tỉnh là 0,5512.", [fact(IND, 0.5512, pillar="overall")]),
    ("The province's DTI score was 0.5512 in 2023.", [fact(IND, 0.5512, pillar="overall")]),
    ("Năm 2023, tỉnh đạt 551,2/1.000 điểm DTI.", [fact(IND, 551.2, pillar="overall", den=1000)]),
    ("Năm 2023, dẫn đầu bảng xếp hạng DTI là Đà Nẵng, tiếp theo là Hà Nội và TP.HCM.",
     [fact(DTI, 1, pillar="overall", who="Đà Nẵng"), fact(DTI, 2, pillar="overall", who="Hà Nội"),
      fact(DTI, 3, pillar="overall", who="Hồ Chí Minh")]),
    ("In 2023, Da Nang led the DTI, followed by Hanoi and Ho Chi Minh City.",
     [fact(DTI, 1, pillar="overall", who="Đà Nẵng"), fact(DTI, 2, pillar="overall", who="Hà Nội"),
      fact(DTI, 3, pillar="overall", who="Hồ Chí Minh")]),
]

ROUND6 = [
    ("Năm 2023, tỷ lệ hồ sơ trực tuyến đạt 68%, cao hơn mục tiêu 50%.", [fact(TA, 68, target=50)]),
    ("Năm 2023, 45/50 chỉ tiêu chuyển đổi số đã hoàn thành.", [fact(TA, 45, den=50)]),
    ("In 2023, 45 out of 50 digital transformation targets were met.", [fact(TA, 45, den=50)]),
    ("Năm 2023, 5/50 chỉ tiêu chuyển đổi số chưa hoàn thành.", [fact(IND, 5, den=50)]),
    ("Năm 2023, tỉnh đứng thứ 12 trên tổng số 63 tỉnh, thành phố.",
     [fact(DTI, 12, pillar="overall", den=63)]),
    ("Năm 2023, tỉnh từ vị trí 15 vươn lên vị trí thứ 9 về DTI.",
     [fact(DTI, 9, pillar="overall"), fact(DTI, 15, year=2022, pillar="overall")]),
    ("Năm 2023, DTI của tỉnh tăng từ hạng 15 lên hạng 9.",
     [fact(DTI, 9, pillar="overall"), fact(DTI, 15, year=2022, pillar="overall")]),
    ("In the 2023 DTI, the province finished ninth nationally.", [fact(DTI, 9, pillar="overall")]),
    ("In 2023, the province's digital economy pillar was ranked 3rd.",
     [fact(PIL, 3, pillar="kinh_te_so")]),
    ("In the 2023 DTI, the province ranked 12th, three places higher than a year earlier.",
     [fact(DTI, 12, pillar="overall"), fact(CHG, 3, pillar="overall")]),
    ("In the 2023 DTI, the province ranked 12th, a gain of three places.",
     [fact(DTI, 12, pillar="overall"), fact(CHG, 3, pillar="overall")]),
    ("In the 2023 DTI, the province ranked 30th, a drop of 4 places.",
     [fact(DTI, 30, pillar="overall"), fact(CHG, -4, pillar="overall")]),
    ("Năm 2023, chỉ số DTI của tỉnh thăng hạng 5 bậc.", [fact(CHG, 5, pillar="overall")]),
    ("Năm 2023, chỉ số DTI của tỉnh tụt hạng 4 bậc.", [fact(CHG, -4, pillar="overall")]),
    ("Năm 2023, tỉnh xếp thứ 20, thấp hơn 4 bậc so với năm 2022.",
     [fact(DTI, 20, pillar="overall"), fact(CHG, -4, pillar="overall")]),
    ("Theo kết quả công bố năm 2024, DTI 2023 của tỉnh xếp thứ 9/63.",
     [fact(DTI, 9, pillar="overall", den=63)]),
    ("In the DTI rankings for 2023, announced in 2024, the province ranked 9th.",
     [fact(DTI, 9, pillar="overall")]),
]

ROUND7 = [
    ("Năm 2023, chỉ số Chính quyền số (CQS) của tỉnh xếp thứ 6.",
     [fact(PIL, 6, pillar="chinh_quyen_so")]),
    ("Năm 2023, tỉnh xếp thứ 6 về Chính quyền số, thứ 9 về Kinh tế số.",
     [fact(PIL, 6, pillar="chinh_quyen_so"), fact(PIL, 9, pillar="kinh_te_so")]),
    ("Năm 2023, trụ cột Xã hội số của tỉnh đạt 0,45 điểm, xếp thứ 30.",
     [fact(IND, 0.45, pillar="xa_hoi_so"), fact(PIL, 30, pillar="xa_hoi_so")]),
    ("In 2023, the province ranked 6th in the Digital Government pillar, 9th in Digital Economy "
     "and 12th in Digital Society.",
     [fact(PIL, 6, pillar="chinh_quyen_so"), fact(PIL, 9, pillar="kinh_te_so"),
      fact(PIL, 12, pillar="xa_hoi_so")]),
    ("The province's Digital Economy ranking rose 5 places to 9th in 2023.",
     [fact(PIL, 9, pillar="kinh_te_so"), fact(CHG, 5, pillar="kinh_te_so")]),
    ("Năm 2023, DTI quốc gia đạt 0,6 điểm, tăng 12% so với năm 2022.",
     [fact(IND, 0.6, pillar="overall", who="Toàn quốc"),
      fact(IND, 12, pillar="overall", who="Toàn quốc")]),
    ("In 2023, the national DTI score was 0.6, up 12% from 2022.",
     [fact(IND, 0.6, pillar="overall", who="Toàn quốc"),
      fact(IND, 12, pillar="overall", who="Toàn quốc")]),
    ("Lào Cai tăng 10 bậc chỉ số chuyển đổi số",
     [fact(CHG, 10, year=None, pillar="overall", who="Lào Cai")]),
    ("Năm 2023, chỉ số năng lực cạnh tranh cấp tỉnh (PCI) của tỉnh xếp thứ 5.", [fact(IND, 5)]),
    ("Năm 2023, chỉ số cải cách hành chính (PAR INDEX) của tỉnh đứng thứ 8/63.",
     [fact(IND, 8, den=63)]),
    ("In 2023, the province ranked 5th in the Provincial Competitiveness Index (PCI).",
     [fact(IND, 5)]),
    ("Năm 2023, chỉ số sẵn sàng ứng dụng CNTT (ICT Index) của tỉnh xếp thứ 10.", [fact(IND, 10)]),
    ("Năm 2023, tỉnh xếp thứ 5 về chỉ số PCI và thứ 12 về chuyển đổi số.",
     [fact(IND, 5), fact(DTI, 12, pillar="overall")]),
]

QN = "Quảng Ninh"
ROUND8 = [
    ("According to the 2023 DTI report, Quang Ninh ranked third nationwide with a score of "
     "0.6123.",
     [fact(DTI, 3, pillar="overall", who=QN), fact(IND, 0.6123, pillar="overall", who=QN)]),
    ("Quang Ninh's DTI score of 0.6123 placed it third nationwide in 2023.",
     [fact(DTI, 3, pillar="overall", who=QN), fact(IND, 0.6123, pillar="overall", who=QN)]),
    ("Hai Phong secured the second position in the 2023 DTI.",
     [fact(DTI, 2, pillar="overall", who="Hải Phòng")]),
    ("The province was placed 12th in the 2023 DTI.", [fact(DTI, 12, pillar="overall")]),
    ("The province now ranks 12th in the DTI.", [fact(DTI, 12, year=None, pillar="overall")]),
    ("Ranking 12th in the 2023 DTI, the province leads its region in e-commerce.",
     [fact(DTI, 12, pillar="overall"), fact(IND, 1)]),
    ("In the DTI, the province moved up from 20th in 2022 to 12th in 2023.",
     [fact(DTI, 20, year=2022, pillar="overall"), fact(DTI, 12, pillar="overall")]),
    ("Với 0,6123 điểm, Quảng Ninh xếp thứ 3 cả nước về DTI năm 2023.",
     [fact(DTI, 3, pillar="overall", who=QN), fact(IND, 0.6123, pillar="overall", who=QN)]),
    ("With 0.6123 points, Quang Ninh was third in the 2023 DTI.",
     [fact(DTI, 3, pillar="overall", who=QN), fact(IND, 0.6123, pillar="overall", who=QN)]),
    ("Năm 2023, Quảng Ninh và Hải Phòng lần lượt xếp thứ 3 và thứ 4 về DTI.",
     [fact(DTI, 3, pillar="overall", who=QN), fact(DTI, 4, pillar="overall", who="Hải Phòng")]),
    ("Năm 2023, tỉnh đứng thứ 3 về DTI, chỉ sau Đà Nẵng và Hà Nội.",
     [fact(DTI, 3, pillar="overall")]),
]

ROUND9 = [
    ("The province targets 80% of administrative procedures online by 2025.",
     [fact(TA, None, year=2025, target=80)]),
    ("By 2025, at least 50% of small businesses will use digital platforms.",
     [fact(TA, None, year=2025, target=50)]),
    ("Đến năm 2025, phấn đấu 100% hồ sơ công việc cấp tỉnh được xử lý trên môi trường mạng.",
     [fact(TA, None, year=2025, target=100)]),
    ("Mục tiêu năm 2024: tỷ lệ dịch vụ công trực tuyến toàn trình đạt 70%.",
     [fact(TA, None, year=2024, target=70)]),
    ("Chỉ tiêu năm 2024 là 70% hồ sơ được số hóa.", [fact(TA, None, year=2024, target=70)]),
    ("Tỉnh đặt chỉ tiêu kinh tế số chiếm 25% GRDP vào năm 2030.",
     [fact(TA, None, year=2030, target=25)]),
    ("Tỉnh phấn đấu đến năm 2025 nằm trong top 20 tỉnh, thành phố dẫn đầu cả nước về DTI.",
     [fact(TA, None, year=2025, pillar="overall", target=20)]),
    ("Tỉnh phấn đấu đến năm 2030 thuộc nhóm 10 địa phương có chỉ số DTI cao nhất.",
     [fact(TA, None, year=2030, pillar="overall", target=10)]),
    ("The province aims to be among the top 15 provinces in the DTI by 2030.",
     [fact(TA, None, year=2030, pillar="overall", target=15)]),
    ("The province targets a DTI ranking in the top 10 by 2025.",
     [fact(TA, None, year=2025, pillar="overall", target=10)]),
    ("Tỉnh phấn đấu hằng năm tăng từ 3-5 bậc trong bảng xếp hạng DTI.",
     [fact(TA, None, year=None, pillar="overall", target=3)]),
    ("Kinh tế số của tỉnh ước đạt 9% GRDP, phấn đấu đến năm 2025 đạt 20%.",
     [fact(TA, 9, year=2025, target=20)]),
]

YEARS = [
    ("Chỉ số chuyển đổi số (DTI) 2023 của tỉnh xếp thứ 12/63.",
     [fact(DTI, 12, pillar="overall", den=63)]),
    ("The province ranked 12th for 2023.", [fact(DTI, 12, pillar="overall")]),
    ("The province ranked 12th in 2023, up from 15th in 2022.",
     [fact(DTI, 12, pillar="overall"), fact(DTI, 15, year=2022, pillar="overall")]),
    ("Last year the province ranked 12th in the DTI.", [fact(DTI, 12, pillar="overall")]),
    ("Tỉnh xếp thứ 12/63 về DTI, tăng 3 bậc so với năm 2021.",
     [fact(DTI, 12, year=None, pillar="overall", den=63),
      fact(CHG, 3, year=None, pillar="overall")]),
    ("KẾT QUẢ NĂM 2023\nTỉnh xếp thứ 12/63 về DTI.", [fact(DTI, 12, pillar="overall", den=63)]),
    ("DTI 2023: Bắc Ninh xếp thứ 5\nTỉnh xếp thứ 5/63, tăng 4 bậc so với năm 2022.",
     [fact(DTI, 5, pillar="overall", den=63), fact(CHG, 4, pillar="overall")]),
    ("2023 DTI: Bac Ninh climbs to fifth\nBac Ninh ranked fifth out of 63, up four places on 2022.",
     [fact(DTI, 5, pillar="overall", den=63), fact(CHG, 4, pillar="overall")]),
    ("Bac Ninh ranked fifth in the 2023 DTI, up four places versus 2022.",
     [fact(DTI, 5, pillar="overall"), fact(CHG, 4, pillar="overall")]),
    ("Năm 2022, tỉnh xếp thứ 15/63. Năm 2023, tỉnh xếp thứ 12/63.",
     [fact(DTI, 15, year=2022, pillar="overall", den=63),
      fact(DTI, 12, pillar="overall", den=63)]),
    ("Tỉnh xếp thứ 15 năm 2022 và thứ 12 năm 2023 về DTI.",
     [fact(DTI, 15, year=2022, pillar="overall"), fact(DTI, 12, pillar="overall")]),
]

ROUND11 = [
    ("Năm 2023, tỉnh đứng hạng 12/63 về chuyển đổi số.", [fact(DTI, 12, pillar="overall", den=63)]),
    ("Năm 2023, tỉnh lọt vào top 10 về chuyển đổi số.", []),
    ("Năm 2023, tỉnh đứng đầu khu vực miền Trung về chuyển đổi số.", [fact(IND, 1)]),
    ("Năm 2023, tỉnh ở vị trí cuối cùng (63/63) về DTI.",
     [fact(DTI, 63, pillar="overall", den=63)]),
    ("Năm 2023, chỉ số DTI của tỉnh cải thiện 5 bậc.", [fact(CHG, 5, pillar="overall")]),
    ("Năm 2023, chỉ số DTI của tỉnh tăng vọt 20 bậc.", [fact(CHG, 20, pillar="overall")]),
    ("Năm 2023, chỉ số DTI của tỉnh giảm mạnh 10 bậc.", [fact(CHG, -10, pillar="overall")]),
    ("Năm 2023, chỉ số DTI của tỉnh tăng được 3 bậc.", [fact(CHG, 3, pillar="overall")]),
    ("Năm 2023, chỉ số DTI của tỉnh sụt 7 bậc.", [fact(CHG, -7, pillar="overall")]),
    ("Năm 2023, chỉ số DTI của tỉnh rơi 7 bậc.", [fact(CHG, -7, pillar="overall")]),
    ("Năm 2023, chỉ số DTI của tỉnh vượt 7 bậc.", [fact(CHG, 7, pillar="overall")]),
    ("In the 2023 DTI, the province ranked 12th overall.", [fact(DTI, 12, pillar="overall")]),
    ("In the 2023 DTI, the province came in at No. 12.", [fact(DTI, 12, pillar="overall")]),
    ("In the 2023 DTI, the province took the 12th spot.", [fact(DTI, 12, pillar="overall")]),
    ("In the 2023 DTI, the province leapt 10 places.", [fact(CHG, 10, pillar="overall")]),
    ("In the 2023 DTI, the province ranked 12th, rising three places.",
     [fact(DTI, 12, pillar="overall"), fact(CHG, 3, pillar="overall")]),
    ("In the 2023 DTI, the province ranked 30th, falling four places.",
     [fact(DTI, 30, pillar="overall"), fact(CHG, -4, pillar="overall")]),
    ("In the 2023 DTI, the province ranked 30th after dropping four spots.",
     [fact(DTI, 30, pillar="overall"), fact(CHG, -4, pillar="overall")]),
    ("In the 2023 DTI, the province plunged 15 places.", [fact(CHG, -15, pillar="overall")]),
    ("In the 2023 DTI, the province improved its ranking by 5 places.",
     [fact(CHG, 5, pillar="overall")]),
    ("In the 2023 DTI, the province ranked 10th, down from 8th a year earlier.",
     [fact(DTI, 10, pillar="overall"), fact(DTI, 8, year=2022, pillar="overall")]),
]

INDICATORS = [
    ("Năm 2023, toàn tỉnh có hơn 1,2 triệu tài khoản định danh điện tử được kích hoạt.",
     [fact(IND, 1200000)]),
    ("In 2023, over 1.2 million electronic identification accounts were activated.",
     [fact(IND, 1200000)]),
    ("Năm 2023, gần 70% người dân có điện thoại thông minh.", [fact(IND, 70)]),
    ("In 2023, nearly 70% of residents owned smartphones.", [fact(IND, 70)]),
    ("In 2023, the province had 2,345 digital technology firms.", [fact(IND, 2345)]),
    ("In 2023, e-commerce revenue in the province rose 25% year on year.", [fact(IND, 25)]),
    ("Năm 2023, 98,5% hồ sơ được giải quyết đúng hạn.", [fact(IND, 98.5)]),
    ("In 2023, 98.5% of applications were processed on time.", [fact(IND, 98.5)]),
]

SUBJECTS = [
    ("Năm 2023, Bắc Ninh đứng thứ 5, Bắc Giang đứng thứ 12 về DTI.",
     [fact(DTI, 5, pillar="overall"), fact(DTI, 12, pillar="overall", who="Bắc Giang")]),
    ("Năm 2023, Hà Nội, Đà Nẵng và TP.HCM lần lượt đứng thứ 2, 1 và 4 về DTI.",
     [fact(DTI, 2, pillar="overall", who="Hà Nội"), fact(DTI, 1, pillar="overall", who="Đà Nẵng"),
      fact(DTI, 4, pillar="overall", who="Hồ Chí Minh")]),
    ("Xếp sau Đà Nẵng, Bắc Ninh đứng thứ 2 về DTI năm 2023.", [fact(DTI, 2, pillar="overall")]),
    ("Năm 2023, so với Hà Nội (thứ 2), Bắc Ninh xếp thứ 5 về DTI.",
     [fact(DTI, 2, pillar="overall", who="Hà Nội"), fact(DTI, 5, pillar="overall")]),
    ("Bac Ninh ranked 5th and Bac Giang 12th in the 2023 DTI.",
     [fact(DTI, 5, pillar="overall"), fact(DTI, 12, pillar="overall", who="Bắc Giang")]),
    ("In the 2023 DTI, Hanoi was second, behind Da Nang.",
     [fact(DTI, 2, pillar="overall", who="Hà Nội")]),
    ("Năm 2023, trong 63 tỉnh, thành phố, Bắc Ninh xếp thứ 5 về DTI.",
     [fact(DTI, 5, pillar="overall", den=63)]),
]

LISTS = [
    ("In the 2023 DTI, Quang Ninh and Hai Phong ranked 3rd and 4th respectively.",
     [fact(DTI, 3, pillar="overall", who=QN), fact(DTI, 4, pillar="overall", who="Hải Phòng")]),
    ("In the 2023 DTI, Da Nang, Hanoi and Quang Ninh ranked first, second and third, "
     "respectively.",
     [fact(DTI, 1, pillar="overall", who="Đà Nẵng"), fact(DTI, 2, pillar="overall", who="Hà Nội"),
      fact(DTI, 3, pillar="overall", who=QN)]),
    ("Năm 2023, Đà Nẵng, Hà Nội và Quảng Ninh lần lượt xếp thứ nhất, thứ hai và thứ ba về DTI.",
     [fact(DTI, 1, pillar="overall", who="Đà Nẵng"), fact(DTI, 2, pillar="overall", who="Hà Nội"),
      fact(DTI, 3, pillar="overall", who=QN)]),
]

MORE_TARGETS = [
    ("The province completed 23 of its 34 digital transformation targets for 2024.",
     [fact(TA, 23, year=2024, den=34)]),
    ("In 2023, of the 24 targets, 20 were met.", [fact(TA, 20, den=24)]),
    ("Năm 2023, trong 24 chỉ tiêu, có 20 chỉ tiêu đạt và vượt.", [fact(TA, 20, den=24)]),
    ("Năm 2023, tỉnh đã hoàn thành 20 trên 24 chỉ tiêu.", [fact(TA, 20, den=24)]),
    ("In 2023, the online payment rate reached 60%, exceeding the 50% target.",
     [fact(TA, 60, target=50)]),
    ("Năm 2023, tỷ lệ thanh toán trực tuyến đạt 60% (vượt mục tiêu 50%).",
     [fact(TA, 60, target=50)]),
]

PILLARS = [
    ("In the digital economy pillar, the province ranked 9th in 2023.",
     [fact(PIL, 9, pillar="kinh_te_so")]),
    ("Năm 2023, về chính quyền số, tỉnh xếp thứ 4; về kinh tế số, tỉnh xếp thứ 9.",
     [fact(PIL, 4, pillar="chinh_quyen_so"), fact(PIL, 9, pillar="kinh_te_so")]),
    ("Năm 2023, chỉ số CQS đạt 0,7012, KTS đạt 0,4511, XHS đạt 0,5123.",
     [fact(IND, 0.7012, pillar="chinh_quyen_so"), fact(IND, 0.4511, pillar="kinh_te_so"),
      fact(IND, 0.5123, pillar="xa_hoi_so")]),
    ("In 2023, the province's digital society score was 0.5123.",
     [fact(IND, 0.5123, pillar="xa_hoi_so")]),
    ("Năm 2023, chỉ số hoạt động kinh tế số của tỉnh xếp thứ 7, tăng 2 bậc.",
     [fact(DTI, 7), fact(CHG, 2)]),
]

MERGER = [
    ("In the 2024 DTI, published after the July 2025 merger, Hue ranked second out of 34.",
     [fact(DTI, 2, year=2024, pillar="overall", den=34, who="Thừa Thiên Huế")]),
    ("Năm 2024, thành phố Huế xếp thứ 2/34 tỉnh, thành phố về chuyển đổi số.",
     [fact(DTI, 2, year=2024, pillar="overall", den=34, who="Thừa Thiên Huế")]),
    ("Theo DTI 2024 tính trên 63 tỉnh trước sáp nhập, TP.HCM đứng đầu.",
     [fact(DTI, 1, year=2024, pillar="overall", den=63, who="Hồ Chí Minh")]),
]

PUNCTUATION = [
    ("Năm 2023, kết quả cụ thể: Chính quyền số xếp thứ 4 (0,7012 điểm); Kinh tế số xếp thứ 9 "
     "(0,4511 điểm).",
     [fact(PIL, 4, pillar="chinh_quyen_so"), fact(IND, 0.7012, pillar="chinh_quyen_so"),
      fact(PIL, 9, pillar="kinh_te_so"), fact(IND, 0.4511, pillar="kinh_te_so")]),
    ("In the 2023 DTI, the leaders were Da Nang (1st), Hanoi (2nd) and Quang Ninh (3rd).",
     [fact(DTI, 1, pillar="overall", who="Đà Nẵng"), fact(DTI, 2, pillar="overall", who="Hà Nội"),
      fact(DTI, 3, pillar="overall", who=QN)]),
    ("Năm 2023, chỉ số DTI của tỉnh xếp thứ 9/63 và đứng thứ 2 vùng Đông Nam Bộ.",
     [fact(DTI, 9, pillar="overall", den=63), fact(IND, 2)]),
]

PROSE = [
    ("In the DTI, Bac Ninh jumped to fifth place in 2023 from ninth in 2022.",
     [fact(DTI, 5, pillar="overall"), fact(DTI, 9, year=2022, pillar="overall")]),
    ("In the DTI, Bac Ninh, which ranked ninth in 2022, moved up to fifth in 2023.",
     [fact(DTI, 9, year=2022, pillar="overall"), fact(DTI, 5, pillar="overall")]),
    ("Bac Ninh's position improved from ninth to fifth in the 2023 DTI.",
     [fact(DTI, 5, pillar="overall"), fact(DTI, 9, year=2022, pillar="overall")]),
    ("Năm 2023, chỉ số DTI của tỉnh từ thứ 9 lên thứ 5.",
     [fact(DTI, 5, pillar="overall"), fact(DTI, 9, year=2022, pillar="overall")]),
]

SCORES = [
    ("Năm 2023, DTI của tỉnh đạt 601,2 điểm (thang 1.000 điểm).",
     [fact(IND, 601.2, pillar="overall")]),
    ("Năm 2023, điểm số DTI của tỉnh tăng 0,05 điểm.", [fact(IND, 0.05, pillar="overall")]),
    ("Năm 2023, DTI của tỉnh đạt 0,6 điểm, cao hơn mức trung bình cả nước (0,5 điểm).",
     [fact(IND, 0.6, pillar="overall"), fact(IND, 0.5, pillar="overall", who="Toàn quốc")]),
    ("In 2023, the province's DTI score of 0.6 was above the national average of 0.5.",
     [fact(IND, 0.6, pillar="overall"), fact(IND, 0.5, pillar="overall", who="Toàn quốc")]),
]

MAIN_INDICATORS = [
    ("In 2023, the province's Digital Institutions indicator ranked 5th.", [fact(DTI, 5)]),
    ("In 2023, the province's Digital Infrastructure index rose 10 places.", [fact(CHG, 10)]),
    ("Năm 2023, chỉ số Nhân lực số của tỉnh tăng 10 bậc.", [fact(CHG, 10)]),
    ("Năm 2023, chỉ số An toàn thông tin mạng của tỉnh đứng thứ 2/63.", [fact(DTI, 2, den=63)]),
]

WORDS = [
    ("Hanoi was the runner-up in the 2023 DTI.", [fact(DTI, 2, pillar="overall", who="Hà Nội")]),
    ("Bac Ninh was the fifth-best performer in the 2023 DTI.", [fact(DTI, 5, pillar="overall")]),
    ("Năm 2023, kinh tế số ước đạt 9% GRDP (mục tiêu năm 2025: 20%).",
     [fact(TA, 9, year=2025, target=20)]),
    ("Năm 2023, tỉnh Bắc Ninh xếp thứ 3 về DTI. Địa phương này có 0,6 điểm.",
     [fact(DTI, 3, pillar="overall"), fact(IND, 0.6, pillar="overall")]),
]

NEGATIVES = [
    ("Ngày 12/6/2025, UBND tỉnh ban hành Quyết định số 123/QĐ-UBND về chuyển đổi số.", []),
    ("Mọi thắc mắc về chuyển đổi số xin liên hệ đường dây nóng 0222.3822.123.", []),
    ("Đây là năm thứ 3 liên tiếp tỉnh tổ chức Ngày chuyển đổi số.", []),
    ("On June 12, 2025, the province issued Decision No. 123/QD-UBND on its digital plan.", []),
    ("Người dân có thể gọi tổng đài 1022 để được hỗ trợ về chuyển đổi số.", []),
    ("Tỉnh đứng đầu cả nước về chuyển đổi số năm thứ 3 liên tiếp.",
     [fact(DTI, 1, year=None, pillar="overall")]),
    ("In the 2023 DTI, the province placed in the top 10 for the third year in a row.", []),
    ("Thực hiện Nghị định số 13/2023/NĐ-CP, tỉnh đã triển khai bảo vệ dữ liệu cá nhân.", []),
    ("Hội nghị diễn ra lúc 8h30 ngày 10/10/2024 tại Bắc Ninh.", []),
    ("Cuộc Cách mạng công nghiệp lần thứ tư đang tác động mạnh đến tỉnh.", []),
    ("Tỉnh ban hành kế hoạch chuyển đổi số giai đoạn 2021-2025.", []),
    ("Năm nay tỉnh kỷ niệm 25 năm tái lập.", []),
    ("Bộ chỉ số DTI gồm 3 trụ cột và 9 chỉ số chính.", []),
    ("The conference took place at 8:30 a.m. on October 10, 2024.", []),
    ("The Fourth Industrial Revolution is changing the province.", []),
    ("The DTI has three pillars and nine main indicators.", []),
    ("Residents can call the hotline 1900 1234 for support.", []),
    ("Ngày 10/10 hằng năm là Ngày Chuyển đổi số quốc gia.", []),
    ("Bài viết có 1.234 lượt xem.", []),
    ("(Báo Bắc Ninh) - Chiều 12/6, UBND tỉnh tổ chức hội nghị về chuyển đổi số.", []),
    ("Bắc Ninh, ngày 12 tháng 6 năm 2024", []),
    ("Theo Báo cáo số 45/BC-UBND của UBND tỉnh về chuyển đổi số.", []),
    ("Người dân cần cập nhật ứng dụng VNeID phiên bản 2.1.5.", []),
    ("Giai đoạn 2021 - 2025, tỉnh xác định chuyển đổi số là nhiệm vụ trọng tâm.", []),
    ("The province shares digital data from third parties with its agencies.", []),
    ("Năm 2023, tỉnh đứng thứ 5 về DTI, là năm thứ 3 liên tiếp nằm trong top 10.",
     [fact(DTI, 5, pillar="overall")]),
    ("Năm 2023, top 3 địa phương dẫn đầu về DTI gồm Đà Nẵng, Hà Nội và Quảng Ninh.", []),
    ("The top three in the 2023 DTI were Da Nang, Hanoi and Quang Ninh.", []),
    ("Năm 2023, tỉnh là một trong 10 địa phương có chỉ số DTI cao nhất.", []),
    ("Hội nghị có sự tham gia của 200 đại biểu.", []),
    ("Tỉnh trao 15 bằng khen cho các tập thể có thành tích trong chuyển đổi số.", []),
    ("Trụ sở UBND tỉnh đặt tại số 10 đường Lý Thái Tổ.", []),
    ("Bộ chỉ số DTI gồm 3 trụ cột, 9 chỉ số chính và 98 chỉ số thành phần.", []),
    ("The DTI is calculated on a 1,000-point scale.", []),
    ("Cập nhật lúc 14:30, 12/06/2024.", []),
    ("The event was attended by 300 delegates.", []),
    ("Người dân trên 15 tuổi có thể đăng ký tài khoản định danh.", []),
    ("Quyết định 749/QĐ-TTg ngày 3/6/2020 phê duyệt Chương trình chuyển đổi số quốc gia.", []),
    ("Phiên bản 2.0 của ứng dụng công dân số đã ra mắt.", []),
    ("Đại hội Đảng bộ tỉnh lần thứ XX đề ra nhiều chủ trương về chuyển đổi số.", []),
]


CASES = (TARGETS + RANKS_VI + RANKS_EN + MORE_VI + MORE_EN + ROUND3 + ROUND4 + ROUND5 + ROUND6
         + ROUND7 + ROUND8 + ROUND9 + YEARS + ROUND11 + INDICATORS + SUBJECTS + LISTS
         + MORE_TARGETS + PILLARS + MERGER + PUNCTUATION + PROSE + SCORES + MAIN_INDICATORS + WORDS
         + NEGATIVES)


@pytest.mark.parametrize(("text", "expected"), CASES,
                         ids=lambda x: x[:60] if isinstance(x, str) else "")
def test_variant(text, expected):
    assert found(text) == sorted(expected, key=_order)


ARTICLE_VI = """Bắc Ninh vươn lên thứ 5 cả nước về chuyển đổi số
(Ngày 15/4/2024) Bộ Thông tin và Truyền thông công bố Chỉ số chuyển đổi số (DTI) năm 2023.
Theo đó, tỉnh Bắc Ninh đạt 0,6012 điểm, xếp thứ 5/63 tỉnh, thành phố, tăng 4 bậc so với năm 2022.
Trong đó, trụ cột chính quyền số xếp thứ 3, kinh tế số xếp thứ 8 và xã hội số xếp thứ 6.
Tỷ lệ hồ sơ trực tuyến toàn trình năm 2023 đạt 72%, vượt chỉ tiêu 60%.
Đến năm 2025, tỉnh phấn đấu nằm trong nhóm 3 tỉnh dẫn đầu cả nước về chuyển đổi số.
"""

ARTICLE_EN = """Bac Ninh keeps fifth place in digital transformation
Bac Ninh ranked fifth in the 2023 Digital Transformation Index (DTI), announced on April 15, 2024.
The province scored 0.6210, up 0.04 from the previous year.
It ranked first in digital government and fourth in digital society.
By 2025, the province aims to be one of the three leading provinces in the DTI.
"""


@pytest.mark.parametrize("text", [ARTICLE_VI, ARTICLE_EN], ids=["vi", "en"])
def test_a_short_article_reads_as_a_labeller_would(text):
    vi = text is ARTICLE_VI
    expected = [
        fact(DTI, 5, pillar="overall", den=63 if vi else None),
        fact(IND, 0.6012 if vi else 0.621, pillar="overall"),
        fact(TA, None, year=2025, pillar="overall", target=3),
    ]
    if vi:
        expected += [fact(CHG, 4, pillar="overall"), fact(PIL, 3, pillar="chinh_quyen_so"),
                     fact(PIL, 8, pillar="kinh_te_so"), fact(PIL, 6, pillar="xa_hoi_so"),
                     fact(TA, 72, target=60)]
    else:
        expected += [fact(IND, 0.04, pillar="overall"), fact(PIL, 1, pillar="chinh_quyen_so"),
                     fact(PIL, 4, pillar="xa_hoi_so")]
    assert found(text) == sorted(expected, key=_order)
