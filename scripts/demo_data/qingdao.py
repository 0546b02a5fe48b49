"""Qingdao typhoon, 2026-08-10 18:00 to 08-11 14:00: a typhoon warning raised blue, yellow,
orange, a storm surge warning, the coast flooded at 市南区, 崂山区 and 黄岛区, fallen trees,
a billboard, power cuts, a ship breaking its moorings, people trapped by the sea and by a
river, then the warnings are lifted."""

from .feed import ScenarioWriter
from .geo import offset

DAY = "2026-08-10"

ID_FORMATS = {
    "/sd/370200/police": ("QD110-{date}-{seq:05d}", 2231),
    "/sd/370200/fire": ("QD-FIRE-{date}-{seq:04d}", 64),
    "/sd/370200/emergency": ("QDYJ-{date}-{seq:04d}", 12),
    "/sd/370200/transport": ("QD-TRAN-{date}-{seq:04d}", 31),
    "/sd/370200/urban": ("QD-URB-{date}-{seq:04d}", 201),
    "/sd/370200/weather": ("QD-WX-{date}-{seq:04d}", 5),
    "/sd/370202/urban": ("SN-URB-{date}-{seq:04d}", 14),
    "/sd/370203/urban": ("SB-URB-{date}-{seq:04d}", 7),
}

ZHANQIAO = (36.0625, 120.3185)        # 太平路栈桥段, 市南区
FIRST_BEACH = (36.0560, 120.3445)     # 第一海水浴场, 市南区
SHILAOREN = (36.0985, 120.4725)       # 石老人海水浴场, 崂山区
JINSHATAN = (35.9655, 120.2545)       # 金沙滩景区东侧礁石区, 黄岛区
HK_NANJING = (36.0695, 120.3905)      # 香港中路与南京路交叉口, 市南区
HK_EAST = offset(*HK_NANJING, -10, 720)  # 香港中路, 720 m further east, 市南区
TAIDONG = (36.0835, 120.3495)         # 台东三路步行街, 市北区
PORT_OFFICE = (36.0300, 120.2100)     # 前湾港区调度中心, 黄岛区
BERTH = (36.0200, 120.1950)           # 前湾港区某泊位, 黄岛区, 1.7 km from the office
BAISHAHE = (36.2845, 120.3495)        # 白沙河某村段, 城阳区
CHONGQING_UNDERPASS = (36.1105, 120.3715)  # 重庆南路下穿立交, 市北区
BEIJIUSHUI = (36.2100, 120.5900)      # 北九水景区道路, 崂山区
JIANGSHAN = (35.9700, 120.1900)       # 江山中路, 黄岛区
BAY_BRIDGE = (36.0950, 120.1500)      # 胶州湾大桥黄岛端, 黄岛区
XIAOMAIDAO = (36.0560, 120.4300)      # 小麦岛气象站, 崂山区
SHAZIKOU = (36.1125, 120.5505)        # 沙子口渔港, 崂山区
HUANGDAO_AWS = (35.9600, 120.1800)    # 黄岛区国家气象观测站
AOSHANWEI = (36.3550, 120.6500)       # 即墨区鳌山卫街道某社区
PINGDU_VILLAGE = (36.7800, 119.9600)  # 平度市某村

CITY_POLYGON = [(37.15, 119.55), (37.15, 120.70), (36.60, 121.05), (36.25, 120.95),
                (35.95, 120.65), (35.55, 119.95), (35.70, 119.55)]
COAST_POLYGON = [(36.40, 121.00), (36.50, 120.80), (36.20, 120.60), (36.12, 120.40),
                 (36.10, 120.25), (35.90, 120.05), (35.65, 119.70), (35.55, 119.75),
                 (35.60, 120.00), (35.85, 120.35), (36.00, 120.45), (36.10, 120.75),
                 (36.30, 121.00)]
HUANGDAO_POLYGON = [(36.15, 119.52), (36.15, 120.33), (35.58, 120.33), (35.58, 119.52)]

WX_SENDER = "37020041600000"
WX_NAME = "青岛市气象台"
CITY_DESC = "青岛市全市（市南区、市北区、黄岛区、崂山区、李沧区、城阳区、即墨区、胶州市、平度市、莱西市）"
TYPHOON = "今年第9号台风"


def typhoon_alert(s, clock, msg_type, colour, severity, urgency, expires, headline, description,
                  instruction, references=None):
    return s.alert(
        clock, "370200", sender=WX_SENDER, sender_name=WX_NAME, msg_type=msg_type,
        references=references, event=f"台风{colour}预警", severity=severity, urgency=urgency,
        certainty="Likely", expires=expires, headline=headline, description=description,
        instruction=instruction, area_desc=CITY_DESC, polygon=CITY_POLYGON, geocodes=["370200"])


def build(units: list[dict]) -> list[str]:
    s = ScenarioWriter(DAY, units, ID_FORMATS, city="370200")

    # --- the evening before --------------------------------------------------------------
    blue = typhoon_alert(
        s, "18:00:00", "Alert", "蓝色", "Minor", "Future", "+1 18:00:00",
        "青岛市气象台发布台风蓝色预警信号[Ⅳ级/一般]",
        f"青岛市气象台2026年08月10日18时00分发布台风蓝色预警信号：{TYPHOON}预计将于11日上午影响我市，"
        "届时我市沿海将出现6至7级、阵风8至9级的偏北风，并伴有大到暴雨。",
        "1.政府及相关部门按照职责做好防台风准备工作；2.停止露天集体活动和高空等户外危险作业；"
        "3.相关水域水上作业和过往船舶采取积极的应对措施，如回港避风或者绕道航行等；"
        "4.加固门窗、围板、棚架、广告牌等易被风吹动的搭建物。")
    s.status("18:05:00", "FIRE-3702-06", "out_of_service")

    beach = s.report(
        "20:30:00", "police", "370200", category="public_order",
        title="第一海水浴场已关闭，仍有游客下海游泳",
        description="第一海水浴场已按防台要求关闭，仍有十余名游客不听劝阻下海游泳，请求警力现场劝离。",
        adcode="370202", address="青岛市市南区第一海水浴场",
        reporter="青岛市公安局110指挥中心（景区管理处报警）", pos=FIRST_BEACH)
    s.respond("POL-3702-01", beach, "20:31:00", None, "20:42:00", "21:20:00", "21:35:00")

    port = s.report(
        "21:30:00", "transport", "370200", category="typhoon", level="IV",
        title="前湾港区暂停装卸作业，船舶回港避风",
        description="受台风影响，青岛港前湾港区自21时起暂停集装箱装卸作业，在港船舶加固缆绳，"
                    "锚地船舶按海事部门要求驶往避风锚地。",
        adcode="370211", address="青岛市黄岛区前湾港区调度中心",
        reporter="青岛市交通运输局港口航运处", pos=PORT_OFFICE)

    yellow = typhoon_alert(
        s, "23:00:00", "Update", "黄色", "Moderate", "Expected", "+1 23:00:00",
        "青岛市气象台将台风蓝色预警信号升级为黄色[Ⅲ级/较重]",
        f"青岛市气象台2026年08月10日23时00分将台风蓝色预警信号升级为黄色：{TYPHOON}中心已进入黄海南部，"
        "预计11日凌晨至上午我市沿海将出现8至9级、阵风10至11级的大风，并伴有暴雨，局部大暴雨。",
        "1.政府及相关部门按照职责做好防台风应急准备工作；2.停止室内外大型集会和高空等户外危险作业；"
        "3.相关水域水上作业和过往船舶采取积极的应对措施，加固港口设施，防止船舶走锚、搁浅和碰撞；"
        "4.切断户外危险电源，妥善安置易受台风影响的室外物品。", references=blue)

    # --- the night: rain, the port, the surge ---------------------------------------------
    huangdao_rain = s.alert(
        "+1 01:30:00", "370211", sender="37021141600000", sender_name="黄岛区气象台", msg_type="Alert",
        event="暴雨黄色预警", severity="Moderate", urgency="Expected", certainty="Likely",
        expires="+1 13:30:00", headline="黄岛区气象台发布暴雨黄色预警信号[Ⅲ级/较重]",
        description="黄岛区气象台2026年08月11日01时30分发布暴雨黄色预警信号：受台风外围云系影响，"
                    "预计未来6小时内黄岛区降雨量将达50毫米以上。",
        instruction="1.政府及相关部门按照职责做好防暴雨准备工作；2.交通管理部门应当根据路况在强降雨路段"
                    "采取交通管制措施，在积水路段实行交通引导；3.切断低洼地带有危险的室外电源。",
        area_desc="青岛市黄岛区", polygon=HUANGDAO_POLYGON, geocodes=["370211"])

    s.report(
        "+1 01:50:00", "weather", "370200", category="rainstorm", level="IV",
        title="黄岛区1小时降水量48.2毫米",
        description="00时50分至01时50分，黄岛区国家气象观测站1小时降水量48.2毫米，"
                    "黄岛区南部多站超过30毫米。",
        adcode="370211", address="青岛市黄岛区国家气象观测站", reporter="青岛市气象台 值班预报员",
        pos=HUANGDAO_AWS, digits=4)

    surge = s.alert(
        "+1 02:30:00", "370200", sender="37020042200000", sender_name="青岛市海洋预报台",
        msg_type="Alert", agency="emergency", event="风暴潮橙色警报", severity="Severe",
        urgency="Expected", certainty="Likely", expires="+1 14:30:00",
        headline="青岛市海洋预报台发布风暴潮橙色警报",
        description=f"受{TYPHOON}影响，预计11日04时至08时天文大潮期间，青岛沿海将出现80至130厘米的风暴增水，"
                    "栈桥、石老人、金沙滩等岸段高潮位将超过当地警戒潮位。",
        instruction="1.沿海各区市做好防潮准备，封闭滨海步行道和海水浴场；2.组织低洼地区人员转移；"
                    "3.渔船回港避风，人员上岸。",
        area_desc="青岛市沿海（市南区、崂山区、黄岛区、即墨区）", polygon=COAST_POLYGON,
        geocodes=["370202", "370212", "370211", "370215"])

    ship = s.report(
        "+1 03:10:00", "transport", "370200", category="typhoon", level="III",
        title="前湾港区一艘散货船缆绳断裂，靠泊不稳",
        description="前湾港区某泊位一艘散货船在大风中多根缆绳断裂，船尾离开码头，船上18名船员，"
                    "已协调拖轮前往顶推。",
        adcode="370211", address="青岛市黄岛区前湾港区某泊位",
        reporter="青岛市交通运输局港口航运处", pos=BERTH)
    ship_police = s.report(
        "+1 03:14:00", "police", "370200", category="trapped_people",
        title="前湾港区某泊位货轮缆绳断裂，船上有船员",
        description="港航派出所报告：某泊位货轮缆绳断裂，船舶摆动，船上有船员，暂无法下船。",
        adcode="370211", address="青岛市黄岛区前湾港区某泊位",
        reporter="青岛市公安局港航分局", pos=offset(*BERTH, 60, -70))
    s.respond("EMER-3702-04", ship, "+1 03:20:00", "+1 03:21:00", "+1 03:48:00", "+1 05:40:00",
              "+1 06:05:00")

    orange = typhoon_alert(
        s, "+1 03:40:00", "Update", "橙色", "Severe", "Immediate", "+1 15:40:00",
        "青岛市气象台将台风黄色预警信号升级为橙色[Ⅱ级/严重]",
        f"青岛市气象台2026年08月11日03时40分将台风黄色预警信号升级为橙色：{TYPHOON}中心距离我市约200公里，"
        "预计11日上午我市沿海将出现10至11级、阵风12级的大风，市区7至8级、阵风10级。",
        "1.政府及相关部门按照职责做好防台风抢险应急工作；2.停止室内外大型集会，停课、停业（除特殊行业外）；"
        "3.相关应急处置部门和抢险单位加强值班，密切监视灾情，落实应对措施；"
        "4.相关水域水上作业和过往船舶应当回港避风，加固港口设施；5.人员应当尽可能待在防风安全的地方。",
        references=yellow)

    missing = s.report(
        "+1 03:55:00", "police", "370200", category="missing_person", level="IV",
        title="沙子口一名男子出海查看渔船后失联",
        description="家属报警：一名55岁男子于10日22时许前往沙子口渔港查看渔船，至今未归，手机无人接听。",
        adcode="370212", address="青岛市崂山区沙子口街道沙子口渔港",
        reporter="青岛市公安局110指挥中心（家属报警）", pos=SHAZIKOU)
    s.respond("POL-3702-03", missing, "+1 03:57:00", None, "+1 04:15:00")

    crash = s.report(
        "+1 04:10:00", "police", "370200", category="traffic_accident", level="IV",
        title="黄岛区江山中路一辆厢式货车被大风吹翻",
        description="江山中路一辆空载厢式货车被大风吹翻，横在路中，司机轻伤已自行爬出。",
        adcode="370211", address="青岛市黄岛区江山中路",
        reporter="青岛市公安局110指挥中心（司机报警）", pos=JIANGSHAN)
    s.respond("POL-3702-02", crash, "+1 04:11:00", None, "+1 04:25:00", "+1 05:20:00", "+1 05:35:00")
    s.respond("EMER-3702-02", crash, "+1 04:12:00", "+1 04:13:00", "+1 04:30:00", "+1 04:50:00",
              "+1 05:20:00")
    bridge = s.report(
        "+1 04:13:00", "transport", "370200", category="typhoon", level="IV",
        title="胶州湾大桥因大风实施封闭",
        description="胶州湾大桥桥面风速超过25米/秒，自04时15分起双向封闭，请车辆经胶州湾隧道绕行。",
        adcode="370211", address="青岛市黄岛区胶州湾大桥黄岛收费站",
        reporter="青岛市交通运输局路网监测中心", pos=BAY_BRIDGE)

    # --- 太平路栈桥: urban and police, 70 m apart ---------------------------------------------
    zq_urban = s.report(
        "+1 04:32:00", "urban", "370202", category="storm_surge", level="IV",
        title="太平路栈桥段海水漫过护栏，路面积水约0.3米",
        description="风暴增水叠加天文大潮，太平路栈桥段海水漫过护栏，路面积水约0.3米，有碎石冲上路面。",
        adcode="370202", address="青岛市市南区太平路栈桥段",
        reporter="市南区综合行政执法局巡查员", pos=ZHANQIAO, digits=5)
    zq_police = s.report(
        "+1 04:34:00", "police", "370200", category="storm_surge",
        title="太平路栈桥附近海水倒灌，已封闭太平路",
        description="巡逻民警报告：栈桥附近海水倒灌上岸，已封闭太平路（江苏路至中山路段），禁止车辆和行人通行。",
        adcode="370202", address="青岛市市南区太平路栈桥附近",
        reporter="青岛市公安局市南分局", pos=offset(*ZHANQIAO, 50, 50))
    s.respond("POL-3702-04", zq_police, "+1 04:35:00", None, "+1 04:45:00", "+1 08:20:00", "+1 08:35:00")
    s.respond("URB-3702-03", zq_urban, "+1 04:36:00", None, "+1 04:50:00", "+1 08:15:00", "+1 08:30:00")

    shilaoren = s.report(
        "+1 05:05:00", "emergency", "370200", category="storm_surge", level="IV",
        title="石老人海水浴场附近海水漫上滨海步行道",
        description="石老人海水浴场附近海水漫上滨海步行道约20米，步行道已封闭，无人员滞留。",
        adcode="370212", address="青岛市崂山区石老人海水浴场滨海步行道",
        reporter="崂山区应急管理局", pos=SHILAOREN)
    s.update("+1 05:30:00", ship, level="IV", description="两艘拖轮顶推协助，货轮已重新系泊，18名船员安全。")

    # --- 金沙滩: two people cut off by the sea; police and fire, 110 m apart --------------------
    js_police = s.report(
        "+1 05:40:00", "police", "370200", category="trapped_people",
        title="金沙滩景区东侧礁石区有2名游客被海浪围困",
        description="报警人称其两名同伴清晨到金沙滩东侧礁石区拍浪，涨潮后被海浪围困在礁石上无法返回。",
        adcode="370211", address="青岛市黄岛区金沙滩景区东侧礁石区",
        reporter="青岛市公安局110指挥中心（游客报警）", pos=JINSHATAN)
    s.respond("POL-3702-02", js_police, "+1 05:41:00", None, "+1 05:52:00", "+1 06:40:00", "+1 06:55:00")
    js_fire = s.report(
        "+1 05:42:10", "fire", "370200", category="trapped_people", level="III",
        title="金沙滩东侧礁石两人被困，请求救援",
        description="119接警：金沙滩东侧礁石两人被海浪围困，浪高约2米，调派黄岛消防救援站携带救生器材前往。",
        adcode="370211", address="青岛市黄岛区金沙滩东侧礁石",
        reporter="青岛市消防救援支队119指挥中心", pos=offset(*JINSHATAN, 80, 75))
    s.respond("FIRE-3702-05", js_fire, "+1 05:43:00", "+1 05:44:00", "+1 05:58:00", "+1 06:45:00",
              "+1 07:00:00")

    s.report(
        "+1 06:00:00", "weather", "370200", category="typhoon", level="III",
        title="小麦岛站观测到最大阵风11级（30.2米/秒）",
        description="05时至06时，小麦岛气象站观测到最大阵风30.2米/秒（11级），市区最大阵风9级，"
                    "台风中心预计10时前后在我市以南海面经过。",
        adcode="370212", address="青岛市崂山区小麦岛气象站", reporter="青岛市气象台 值班预报员",
        pos=XIAOMAIDAO, digits=4)
    laoshan_power = s.report(
        "+1 06:05:00", "emergency", "370200", category="power_outage", level="IV",
        title="崂山区王哥庄街道部分村庄停电",
        description="国网青岛供电公司通报：受大风影响，10千伏线路跳闸，王哥庄街道部分村庄约2600户停电。",
        adcode="370212", address="青岛市崂山区王哥庄街道",
        reporter="青岛市应急管理局应急指挥中心（供电公司通报）")

    # --- 香港中路: one fallen tree reported three times, another 720 m east -------------------
    tree_urban = s.report(
        "+1 06:20:00", "urban", "370202", category="road_damage", level="IV",
        title="香港中路与南京路交叉口行道树倒伏，阻断两条车道",
        description="香港中路与南京路交叉口西北角一棵行道树被大风刮倒，阻断东向西两条车道。",
        adcode="370202", address="青岛市市南区香港中路与南京路交叉口",
        reporter="市南区综合行政执法局巡查员", pos=HK_NANJING, digits=5)
    tree_transport = s.report(
        "+1 06:22:00", "transport", "370200", category="road_damage",
        title="香港中路南京路口树木倒伏影响通行",
        description="路网监测发现香港中路南京路口树木倒伏，东向西方向通行缓慢，已发布绕行提示。",
        adcode="370202", address="青岛市市南区香港中路南京路口",
        reporter="青岛市交通运输局路网监测中心", pos=offset(*HK_NANJING, -40, 30))
    tree_police = s.report(
        "+1 06:23:30", "police", "370200", category="road_damage",
        title="香港中路南京路口一棵大树被风刮倒，交通拥堵",
        description="市民报警：香港中路南京路口一棵大树倒在路上，车辆排起长队。",
        adcode="370202", address="青岛市市南区香港中路南京路口",
        reporter="青岛市公安局110指挥中心（市民报警）")
    s.respond("URB-3702-02", tree_urban, "+1 06:25:00", None, "+1 06:40:00", "+1 07:50:00", "+1 08:10:00")
    s.update("+1 06:30:00", js_fire, level="IV", description="2名被困人员已救上岸，身体无大碍，交由景区工作人员。")

    tree_east = s.report(
        "+1 06:41:00", "urban", "370202", category="road_damage", level="IV",
        title="香港中路一棵法桐倒伏压住一辆停放轿车",
        description="香港中路（南京路以东约700米）某酒店门前一棵法桐倒伏，压住一辆停放轿车，车内无人。",
        adcode="370202", address="青岛市市南区香港中路某酒店门前（南京路以东约700米）",
        reporter="市南区综合行政执法局巡查员", pos=HK_EAST, digits=5)
    s.respond("TRAN-3702-01", tree_east, "+1 06:45:00", "+1 06:46:00", "+1 07:05:00", "+1 08:00:00",
              "+1 08:20:00")
    s.update("+1 06:50:00", missing, description="失联男子已与家属取得联系，系在渔港值班室避风，手机没电，人员安全。")
    s.status("+1 06:55:00", "POL-3702-03", "returning")
    s.status("+1 07:00:00", "FIRE-3702-06", "available")
    s.status("+1 07:10:00", "POL-3702-03", "available")

    # --- 台东步行街广告牌: urban, 120, and a police report with a poor phone fix --------------
    billboard = s.report(
        "+1 07:15:00", "urban", "370203", category="building_collapse", level="IV",
        title="台东三路步行街一处广告牌被风刮落，砸中车辆，1人受伤",
        description="台东三路步行街一处楼顶广告牌被大风刮落，砸中一辆停放车辆，一名路过行人被砸伤，"
                    "另有半块广告牌悬挂在楼顶，有继续坠落危险。",
        adcode="370203", address="青岛市市北区台东三路步行街",
        reporter="市北区综合行政执法局巡查员", pos=TAIDONG, digits=5)
    billboard_med = s.report(
        "+1 07:17:20", "emergency", "370200", category="medical", level="IV",
        title="台东三路广告牌砸伤一名路人，头部受伤",
        description="120接警：一名男性路人被坠落广告牌砸伤头部，有出血，意识清醒。",
        adcode="370203", address="青岛市市北区台东三路",
        reporter="青岛市急救中心120调度", pos=offset(*TAIDONG, 40, -45))
    s.respond("EMER-3702-01", billboard_med, "+1 07:18:00", "+1 07:19:00", "+1 07:31:00", "+1 07:46:00",
              "+1 08:20:00")
    billboard_police = s.report(
        "+1 07:19:00", "police", "370200", category="building_collapse",
        title="台东步行街广告牌坠落伤人",
        description="市民报警：台东步行街有广告牌掉下来砸到人，位置为手机基站定位。",
        adcode="370203", address="青岛市市北区台东步行街",
        reporter="青岛市公安局110指挥中心（市民报警，基站定位）", pos=offset(*TAIDONG, 450, -400))
    s.respond("FIRE-3702-03", billboard, "+1 07:20:00", "+1 07:21:00", "+1 07:30:00", "+1 08:30:00",
              "+1 08:45:00")
    s.update("+1 07:45:00", tree_urban, description="倒伏树木已清理完毕，香港中路恢复通行。")

    # --- 重庆南路下穿 ---------------------------------------------------------------------
    underpass = s.report(
        "+1 07:50:00", "urban", "370203", category="waterlogging", level="IV",
        title="重庆南路下穿立交积水约0.7米",
        description="重庆南路下穿立交积水约0.7米，泵站运行正常但排水能力不足，已设置围挡。",
        adcode="370203", address="青岛市市北区重庆南路下穿立交",
        reporter="市北区城市管理局排水所", pos=CHONGQING_UNDERPASS, digits=5)
    underpass_police = s.report(
        "+1 07:52:30", "police", "370200", category="waterlogging",
        title="重庆南路下穿积水，一辆出租车熄火",
        description="出租车司机报警：重庆南路下穿积水，车辆熄火，人已下车到高处。",
        adcode="370203", address="青岛市市北区重庆南路下穿",
        reporter="青岛市公安局110指挥中心（出租车司机报警）", pos=offset(*CHONGQING_UNDERPASS, 60, 55))
    s.respond("URB-3702-01", underpass, "+1 07:55:00", None, "+1 08:15:00", "+1 10:20:00", "+1 10:40:00")
    s.update("+1 08:10:00", zq_urban, description="潮位回落，太平路栈桥段路面已清理，恢复通行。")

    # --- 白沙河: the river floods a village; emergency and fire, 130 m apart ------------------
    flood = s.report(
        "+1 08:20:00", "emergency", "370200", category="flood", level="III",
        title="城阳区白沙河某村段河水漫堤，低洼民房进水",
        description="白沙河某村段河水漫过堤顶，低洼处20余户民房进水，正在组织转移群众约150人。",
        adcode="370214", address="青岛市城阳区白沙河某村段",
        reporter="城阳区应急管理局", pos=BAISHAHE)
    s.respond("EMER-3702-03", flood, "+1 08:22:00", "+1 08:23:00", "+1 08:55:00", "+1 11:10:00",
              "+1 11:40:00")
    village_fire = s.report(
        "+1 08:31:00", "fire", "370200", category="trapped_people", level="III",
        title="城阳区某村3名老人被困家中，水深约1米",
        description="119接警：白沙河边某村3名行动不便的老人被困家中，屋内水深约1米，调派城阳消防救援站携橡皮艇救援。",
        adcode="370214", address="青岛市城阳区白沙河边某村",
        reporter="青岛市消防救援支队119指挥中心", pos=offset(*BAISHAHE, 100, 80))
    s.respond("FIRE-3702-07", village_fire, "+1 08:32:00", "+1 08:33:00", "+1 08:45:00", "+1 09:40:00",
              "+1 10:00:00")
    s.respond("EMER-3702-05", flood, "+1 08:40:00", "+1 08:41:00", "+1 09:15:00", "+1 11:30:00",
              "+1 11:50:00")

    jimo_power = s.report(
        "+1 09:10:00", "emergency", "370200", category="power_outage", level="IV",
        title="即墨区鳌山卫街道某社区线路被倒伏树木压断",
        description="供电公司通报：鳌山卫街道某社区10千伏线路被倒伏树木压断，约800户停电，抢修队伍已到场。",
        adcode="370215", address="青岛市即墨区鳌山卫街道某社区",
        reporter="青岛市应急管理局应急指挥中心（供电公司通报）", pos=AOSHANWEI)

    # --- 北九水: landslide and road damage, 120 m apart -------------------------------------
    landslide = s.report(
        "+1 09:25:00", "emergency", "370200", category="landslide", level="IV",
        title="崂山区北九水景区附近山体滑坡",
        description="北九水景区附近山体滑坡，落石阻断景区道路，景区已关闭，无人员伤亡。",
        adcode="370212", address="青岛市崂山区北九水景区附近",
        reporter="崂山区应急管理局", pos=BEIJIUSHUI)
    landslide_road = s.report(
        "+1 09:28:00", "transport", "370200", category="road_damage",
        title="崂山景区道路北九水段塌方，道路中断",
        description="崂山景区道路北九水段山体塌方，约300立方米土石堆积路面，道路中断。",
        adcode="370212", address="青岛市崂山区崂山景区道路北九水段",
        reporter="青岛市公路事业发展中心", pos=offset(*BEIJIUSHUI, 90, 80))
    s.respond("TRAN-3702-02", landslide_road, "+1 09:35:00", "+1 09:36:00", "+1 10:30:00", "+1 13:00:00",
              "+1 13:30:00")

    s.alert(
        "+1 09:30:00", "370211", sender="37021141600000", sender_name="黄岛区气象台", msg_type="Cancel",
        references=huangdao_rain, event="暴雨黄色预警", severity="Moderate", urgency="Past",
        certainty="Observed", expires="+1 13:30:00", headline="黄岛区气象台解除暴雨黄色预警信号",
        description="黄岛区气象台2026年08月11日09时30分解除暴雨黄色预警信号：降雨已明显减弱。",
        instruction="各有关部门做好灾后排查工作。",
        area_desc="青岛市黄岛区", polygon=HUANGDAO_POLYGON, geocodes=["370211"])
    s.update("+1 09:45:00", village_fire, level="IV", description="3名被困老人已全部转移至村委会安置点。")

    s.report(
        "+1 10:20:00", "emergency", "370200", category="building_collapse", level="IV",
        title="平度市某村一处闲置老旧房屋倒塌",
        description="受连续降雨影响，平度市某村一处闲置老旧房屋倒塌，房屋无人居住，无人员伤亡。",
        adcode="370283", address="青岛市平度市某村",
        reporter="平度市应急管理局", pos=PINGDU_VILLAGE)

    # --- the typhoon moves away: downgrade, lift the surge warning, cancel --------------------
    blue_again = typhoon_alert(
        s, "+1 10:30:00", "Update", "蓝色", "Minor", "Expected", "+1 22:30:00",
        "青岛市气象台将台风橙色预警信号降级为蓝色[Ⅳ级/一般]",
        f"青岛市气象台2026年08月11日10时30分将台风橙色预警信号降级为蓝色：{TYPHOON}中心已移入黄海北部，"
        "对我市的影响逐渐减弱，预计未来12小时沿海仍有6至7级、阵风8级的偏北风。",
        "1.相关部门继续做好防台风工作；2.沿海作业船舶暂缓出海；3.注意防范倒伏树木、松动广告牌等次生危险。",
        references=orange)
    s.alert(
        "+1 11:00:00", "370200", sender="37020042200000", sender_name="青岛市海洋预报台",
        msg_type="Cancel", agency="emergency", references=surge, event="风暴潮橙色警报",
        severity="Severe", urgency="Past", certainty="Observed", expires="+1 14:30:00",
        headline="青岛市海洋预报台解除风暴潮警报",
        description="青岛沿海风暴增水已明显减小，各岸段潮位已回落至警戒潮位以下，解除风暴潮橙色警报。",
        instruction="沿海各区市做好灾后排查和恢复工作。",
        area_desc="青岛市沿海（市南区、崂山区、黄岛区、即墨区）", polygon=COAST_POLYGON,
        geocodes=["370202", "370212", "370211", "370215"])
    s.update("+1 11:00:00", flood, level="IV", description="白沙河水位回落，村内积水正在排除，转移群众暂留安置点。")
    s.update("+1 11:30:00", laoshan_power, description="王哥庄街道停电村庄已全部恢复供电。")
    s.update("+1 12:00:00", bridge, description="胶州湾大桥桥面风速回落，12时起恢复双向通行。")
    s.update("+1 12:30:00", port, description="前湾港区风力减弱，12时30分起逐步恢复装卸作业。")
    typhoon_alert(
        s, "+1 13:00:00", "Cancel", "蓝色", "Minor", "Past", "+1 22:30:00",
        "青岛市气象台解除台风蓝色预警信号",
        f"青岛市气象台2026年08月11日13时00分解除台风蓝色预警信号：{TYPHOON}已远离我市，"
        "对我市的影响已基本结束。",
        "各有关部门做好灾后恢复工作，注意防范树木、广告牌等次生危险。", references=blue_again)

    s.heartbeats("370200", "18:00:00", "+1 14:00:00", every_min=60, quiet_min=30)

    # --- what correlation should make of it ------------------------------------------------
    s.same("太平路栈桥段海水倒灌", zq_urban, zq_police, note="storm_surge, 70 m, 2 min")
    s.same("前湾港区货轮缆绳断裂", ship, ship_police, note="typhoon and trapped_people, 92 m, 4 min")
    s.same("金沙滩礁石2人被困", js_police, js_fire, note="110 m, 2 min; fire III then IV")
    s.same("香港中路南京路口树木倒伏", tree_urban, tree_transport, note="road_damage, 50 m, 2 min")
    s.same("台东步行街广告牌坠落伤人", billboard, billboard_med,
           note="building_collapse and medical, 60 m, 2 min")
    s.same("重庆南路下穿积水", underpass, underpass_police)
    s.same("白沙河漫堤，村内老人被困", flood, village_fire,
           note="flood and trapped_people, 128 m, 11 min")
    s.same("北九水山体滑坡阻断道路", landslide, landslide_road, note="landslide and road_damage, 120 m")
    s.judgement("香港中路倒树：110 report without coordinates", tree_urban, tree_police,
                note="adcode 370202 and the same crossing in the address, 3.5 min later")
    s.judgement("广告牌：110 position is a base-station fix ~600 m off", billboard, billboard_police,
                note="same street name in the address, 4 min later, same district")
    s.apart("香港中路：two fallen trees 720 m apart, 21 min", tree_urban, tree_east,
            note="same category, same street: two incidents")
    s.apart("风暴潮：栈桥 vs 石老人, 14 km, 33 min", zq_urban, shilaoren)
    s.apart("前湾港：port closure notice vs a ship at a berth 1.7 km away, 5.5 h later", port, ship)
    s.apart("停电：崂山 (adcode only) vs 即墨 (3 h later)", laoshan_power, jimo_power)
    s.apart("黄岛 at 04:1x: a lorry blown over vs the bay bridge closed", crash, bridge)
    s.apart("第一海水浴场劝离 (evening before) vs 栈桥 storm surge", beach, zq_police)

    # --- what a duty officer should do: the after-action report judges the run against it ---
    s.expect(ship, "前湾港区散货船缆绳断裂，船上18名船员", ack=120, dispatch=600, kinds=("rescue_team",))
    s.expect(missing, "沙子口一名男子出海查看渔船后失联", ack=300, dispatch=600, kinds=("patrol",))
    s.expect(crash, "江山中路厢式货车被大风吹翻", ack=180, dispatch=300, kinds=("traffic_police", "ambulance"))
    s.expect(zq_urban, "太平路栈桥段海水漫过护栏", ack=300, dispatch=900, kinds=("traffic_police", "urban_patrol"))
    s.expect(js_police, "金沙滩礁石区2名游客被海浪围困", ack=60, dispatch=180, kinds=("rescue",))
    s.expect(billboard, "台东步行街广告牌坠落伤人", ack=180, dispatch=300, kinds=("ambulance", "ladder"))
    s.expect(flood, "白沙河漫堤，村内老人被困", ack=120, dispatch=300, kinds=("rescue_team", "rescue"))
    return s



TITLE = "青岛台风 (Qingdao typhoon), 2026-08-10 18:00 – 08-11 14:00"
SUMMARY = [
    "- 08-10 18:00 青岛市气象台 issues 台风蓝色预警 for the whole city; 20:30 police clear swimmers from"
    " the closed 第一海水浴场; 21:30 the 前湾 port stops work; 23:00 the warning is raised to 黄色 (Update).",
    "- 08-11 01:30 黄岛区气象台 issues 暴雨黄色预警 (cancelled at 09:30); 01:50 黄岛 reports 48.2 mm in an"
    " hour; 02:30 青岛市海洋预报台 issues 风暴潮橙色警报 through the emergency feed; 03:10 a bulk carrier"
    " breaks its moorings at a 前湾 berth with 18 crew (transport, police); 03:40 typhoon warning"
    " raised to 橙色 (Update); 03:55 a man missing at 沙子口 (found safe at 06:50).",
    "- 04:10 a lorry blown over on 江山中路; 04:13 the bay bridge is closed; 04:32 the sea comes over"
    " 太平路 at 栈桥 (urban, police); 05:05 and at 石老人 (emergency); 05:40 two people cut off on the"
    " rocks at 金沙滩 (police, fire III, rescued by 06:30); 06:00 gusts of force 11 at 小麦岛; 06:05"
    " 王哥庄 loses power (district only).",
    "- 06:20 a tree blocks 香港中路 at 南京路 (urban, transport, and a 110 report without coordinates);"
    " 06:41 another tree falls on a car 720 m further east; 07:15 a billboard falls on 台东三路 and"
    " injures a passer-by (urban, 120, and a 110 report placed ~600 m off); 07:50 the 重庆南路 underpass"
    " floods; 08:20 the 白沙河 overtops its bank in 城阳 and three old people are trapped (emergency,"
    " fire); 09:10 a power line down in 即墨; 09:25 a landslide at 北九水 (emergency, transport); 10:20"
    " an empty old house collapses in 平度.",
    "- 10:30 the typhoon warning is lowered to 蓝色 (Update); 11:00 the storm surge warning is"
    " cancelled; 11:00–12:30 the river falls, power returns, the bridge and the port reopen; 13:00 the"
    " typhoon warning is cancelled (Cancel referencing the blue Update). FIRE-3702-06 is out of"
    " service overnight.",
]
