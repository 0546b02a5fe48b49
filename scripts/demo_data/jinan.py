"""Jinan rainstorm, 2026-07-15: orange then red rainstorm warning over the urban districts,
waterlogged underpasses, trapped vehicles and a bus, accidents, rescue, a false report,
then the warning is downgraded and cancelled."""

from .feed import ScenarioWriter
from .geo import offset

DAY = "2026-07-15"

ID_FORMATS = {
    "/sd/370100/police": ("JN-POL-{date}-{seq:04d}", 41),
    "/sd/370100/fire": ("JN-FIRE-{date}-{seq:04d}", 17),
    "/sd/370100/emergency": ("JN-EMER-{date}-{seq:04d}", 8),
    "/sd/370100/transport": ("JN-TRAN-{date}-{seq:04d}", 23),
    "/sd/370100/urban": ("JN-URB-{date}-{seq:04d}", 112),
    "/sd/370100/weather": ("JN-WX-{date}-{seq:04d}", 3),
    "/sd/370102/urban": ("LX-URB-{date}-{seq:04d}", 5),
    "/sd/370103/urban": ("SZ-URB-{date}-{seq:04d}", 2),
    "/sd/370105/urban": ("TQ-URB-{date}-{seq:04d}", 9),
    "/sd/370112/urban": ("LC-URB-{date}-{seq:04d}", 3),
}

# Where things happen (GCJ-02).
JINGSHI_LISHAN = (36.6508, 117.0388)      # 经十路与历山路交叉口下穿, 历下区
ERHUAN_HUAYUAN = (36.6860, 117.0745)      # 二环东路与花园路交叉口下穿, 历城区
BEIYUAN_LISHAN = (36.6852, 117.0392)      # 北园大街与历山路立交桥下, 天桥区
ERHUAN_GONGYEBEI = (36.7015, 117.0790)    # 二环东路与工业北路路口, 历城区, ~1.8 km north of 花园路
YANSHAN = (36.6535, 117.0685)             # 经十路燕山立交桥下, 历下区
LISHAN_MANHOLE = offset(*JINGSHI_LISHAN, 250, 4)  # 历山路, 250 m north of 经十路
HUAIYIN_GARAGE = (36.6480, 116.9250)      # 槐荫区腊山河西路某小区, 槐荫区
YINGXIONGSHAN = (36.6385, 117.0075)       # 英雄山路下穿, 市中区
JINGTAI_CHANGQING = (36.5250, 116.8420)   # 京台高速长清段, 长清区
WUYINGSHAN = (36.6930, 116.9790)          # 无影山中路下穿, 天桥区
LIUBU = (36.4775, 117.1260)               # 柳埠街道山区公路, 历城区
QILISHAN = (36.6410, 116.9950)            # 七里山路某老旧小区, 市中区
HONGJIALOU = (36.6810, 117.0650)          # 洪家楼某居民楼, 历城区
QUANCHENG_AWS = (36.6612, 117.0228)       # 泉城广场自动气象站, 历下区

URBAN_POLYGON = [(36.82, 116.80), (36.82, 117.25), (36.63, 117.30), (36.45, 117.15),
                 (36.40, 116.80), (36.58, 116.72)]
URBAN_CODES = ["370102", "370103", "370104", "370105", "370112", "370113"]
URBAN_DESC = "济南市历下区、市中区、槐荫区、天桥区、历城区、长清区"
ZHANGQIU_POLYGON = [(37.05, 117.25), (37.05, 117.72), (36.45, 117.72), (36.45, 117.25)]

WX_SENDER = "37010041600000"
WX_NAME = "济南市气象台"


def build(units: list[dict]) -> list[str]:
    s = ScenarioWriter(DAY, units, ID_FORMATS, city="370100")

    # --- before the storm ----------------------------------------------------
    s.status("15:35:00", "FIRE-3701-04", "out_of_service")

    orange = s.alert(
        "15:42:00", "370100", sender=WX_SENDER, sender_name=WX_NAME, msg_type="Alert",
        event="暴雨橙色预警", severity="Severe", urgency="Expected", certainty="Likely",
        expires="21:42:00",
        headline="济南市气象台发布暴雨橙色预警信号[Ⅱ级/严重]",
        description="济南市气象台2026年07月15日15时42分发布暴雨橙色预警信号：预计未来3小时内，"
                    "历下区、市中区、槐荫区、天桥区、历城区、长清区降雨量将达50毫米以上，"
                    "局部可达80毫米以上，并伴有雷电和短时大风。",
        instruction="1.政府及相关部门按照职责做好防暴雨应急工作；2.切断有危险的室外电源，暂停户外作业；"
                    "3.处于危险地带的单位应当停课、停业，采取专门措施保护已到校学生、幼儿和其他上班人员的安全；"
                    "4.做好城市、农田的排涝，注意防范可能引发的山洪、滑坡、泥石流等灾害。",
        area_desc=URBAN_DESC, polygon=URBAN_POLYGON, geocodes=URBAN_CODES)

    aws = s.report(
        "15:55:30", "weather", "370100", category="rainstorm", level="III",
        title="泉城广场站1小时降水量52.6毫米",
        description="15时至15时55分，泉城广场自动气象站降水量52.6毫米，最大雨强出现在15时40分前后，"
                    "历下区、市中区多站1小时雨量超过40毫米，强降雨仍将持续。",
        adcode="370102", address="济南市历下区泉城广场自动气象站", reporter="济南市气象台 值班预报员",
        pos=QUANCHENG_AWS, digits=4)
    s.respond("WX-3701-01", aws, "16:02:00", "16:03:00", "16:20:00", "20:40:00", "20:55:00",
              scene=offset(*QUANCHENG_AWS, -30, 40))

    hotline = s.report(
        "16:05:40", "urban", "370100", category="waterlogging",
        title="市民反映北园大街历山路口桥下开始积水",
        description="市民来电：北园大街历山路口立交桥下路面开始积水，雨水井排水不畅，车辆通行缓慢。",
        adcode="370105", address="济南市天桥区北园大街与历山路交叉口立交桥下",
        reporter="济南市城市管理局12319热线（市民来电）")

    red = s.alert(
        "16:31:00", "370100", sender=WX_SENDER, sender_name=WX_NAME, msg_type="Update",
        references=orange, event="暴雨红色预警", severity="Extreme", urgency="Immediate",
        certainty="Observed", expires="22:31:00",
        headline="济南市气象台将暴雨橙色预警信号升级为红色[Ⅰ级/特别严重]",
        description="济南市气象台2026年07月15日16时31分将暴雨橙色预警信号升级为红色：过去3小时"
                    "历下区、市中区、天桥区降雨量已达100毫米以上，预计强降雨仍将持续2至3小时，"
                    "城区低洼路段、下穿立交可能出现严重积水。",
        instruction="1.政府及相关部门按照职责做好防暴雨应急和抢险工作；2.停止集会、停课、停业（除特殊行业外）；"
                    "3.做好山洪、滑坡、泥石流等灾害的防御和抢险工作；4.车辆切勿驶入积水下穿立交。",
        area_desc=URBAN_DESC, polygon=URBAN_POLYGON, geocodes=URBAN_CODES)

    # --- 经十路与历山路下穿: police, urban, fire report the same car, 1-3 minutes apart --
    j1_police = s.report(
        "16:48:10", "police", "370100", category="waterlogging",
        title="经十路与历山路交叉口下穿隧道积水，一辆小轿车熄火被困",
        description="报警人称经十路与历山路交叉口下穿隧道内积水较深，一辆白色小轿车熄火，车内有两人，"
                    "水已没过车门。",
        adcode="370102", address="济南市历下区经十路与历山路交叉口下穿隧道",
        reporter="济南市公安局110指挥中心（市民报警）", pos=offset(*JINGSHI_LISHAN, 20, -15))
    j1_urban = s.report(
        "16:49:40", "urban", "370102", category="waterlogging", level="IV",
        title="历山路下穿积水约1.2米",
        description="历山路下穿（经十路段）积水约1.2米，已在南北两侧入口设置警示，申请排水抢险车支援。",
        adcode="370102", address="济南市历下区历山路下穿（经十路段）",
        reporter="历下区城市管理局巡查员", pos=offset(*JINGSHI_LISHAN, -40, 30), digits=5)
    j1_fire = s.report(
        "16:50:55", "fire", "370100", category="trapped_people", level="IV",
        title="历山路隧道车辆被困，请求救援",
        description="119接警：历山路隧道内一辆轿车被困，车内2人无法自行脱困，派历下消防救援站前往处置。",
        adcode="370102", address="济南市历下区历山路隧道（经十路口）",
        reporter="济南市消防救援支队119指挥中心", pos=offset(*JINGSHI_LISHAN, 10, 60))
    s.respond("FIRE-3701-01", j1_fire, "16:51:30", "16:52:10", "16:58:40", "17:10:00", "17:24:00")
    s.respond("POL-3701-03", j1_police, "16:52:00", None, "17:00:30", "18:25:00", "18:40:00")
    s.respond("URB-3701-01", j1_urban, "16:53:00", None, "17:05:00", "18:22:00", "18:35:00")
    s.update("17:06:20", j1_fire, description="被困2人已全部救出，无人员受伤，车辆由交警拖离。")
    s.update("17:40:00", j1_urban, description="排水抢险车作业中，积水降至0.3米，下穿仍封闭。")
    s.update("18:20:00", j1_urban, level="IV", description="历山路下穿积水已排除，恢复通行。")

    # --- 二环东路与花园路下穿: urban, transport, traffic police --------------------
    j2_urban = s.report(
        "16:55:05", "urban", "370112", category="waterlogging", level="IV",
        title="二环东路花园路下穿积水0.8米，已设置围挡封闭",
        description="二环东路与花园路交叉口下穿积水约0.8米，泵站满负荷运行，已设置围挡禁止车辆驶入。",
        adcode="370112", address="济南市历城区二环东路与花园路交叉口下穿",
        reporter="历城区城市管理局排水所", pos=ERHUAN_HUAYUAN, digits=5)
    j2_transport = s.report(
        "16:57:00", "transport", "370100", category="waterlogging",
        title="二环东路下穿积水，实施交通管制",
        description="二环东路（花园路至工业南路段）下穿积水，南北双向实施交通管制，请车辆绕行历山路、山大路。",
        adcode="370112", address="济南市历城区二环东路（花园路至工业南路段）",
        reporter="济南市交通运输局路网监测中心", pos=offset(*ERHUAN_HUAYUAN, -85, 30))
    j2_police = s.report(
        "16:58:30", "police", "370100", category="waterlogging",
        title="二环东路花园路口下穿积水，两辆车涉水熄火",
        description="交警巡逻发现二环东路花园路口下穿积水，两辆小型车涉水熄火，驾乘人员已自行离开车辆。",
        adcode="370112", address="济南市历城区二环东路花园路口",
        reporter="济南市公安局交通警察支队历城大队", pos=offset(*ERHUAN_HUAYUAN, 35, -50),
        refs=(j2_urban.id,))
    s.respond("POL-3701-04", j2_police, "16:59:30", None, "17:08:00")
    s.respond("EMER-3701-05", j2_urban, "17:01:00", "17:02:00", "17:16:00", "18:55:00", "19:15:00")
    s.update("18:05:00", j2_urban, description="大流量排涝车作业中，积水降至0.4米。")
    s.update("19:10:00", j2_transport, description="二环东路下穿积水已排除，交通管制解除，恢复通行。")

    # --- 北园大街与历山路: the hotline's early call becomes a bus with 15 people ------
    j3_police = s.report(
        "17:02:15", "police", "370100", category="trapped_people",
        title="北园大街历山路桥下一辆公交车涉水熄火，车内有乘客",
        description="报警人称北园大街历山路立交桥下一辆公交车熄火，车内有十余名乘客，积水约1米。",
        adcode="370105", address="济南市天桥区北园大街与历山路交叉口立交桥下",
        reporter="济南市公安局110指挥中心（公交司机报警）", pos=BEIYUAN_LISHAN)
    j3_fire = s.report(
        "17:03:50", "fire", "370100", category="trapped_people", level="III",
        title="北园大街历山路立交桥下公交车被困，车上约15名乘客",
        description="一辆K系列公交车在立交桥下积水中熄火，车上约15名乘客被困，其中有老人和儿童，"
                    "调派历下、天桥消防救援站救援。",
        adcode="370105", address="济南市天桥区北园大街历山路立交桥下",
        reporter="济南市消防救援支队119指挥中心", pos=offset(*BEIYUAN_LISHAN, 55, 45))
    s.respond("FIRE-3701-02", j3_fire, "17:04:30", "17:05:10", "17:13:20", "17:52:00", "18:06:00")
    s.respond("FIRE-3701-05", j3_fire, "17:04:40", "17:05:30", "17:14:10", "17:50:00", "18:02:00")
    j3_emer = s.report(
        "17:05:30", "emergency", "370100", category="waterlogging", level="III",
        title="北园大街历山路口公交车被困，请求排涝支援",
        description="市应急指挥中心接消防通报，北园大街历山路口立交桥下积水严重，公交车被困，"
                    "调派大流量排涝车前往排水。",
        adcode="370105", address="济南市天桥区北园大街历山路口",
        reporter="济南市应急管理局应急指挥中心", pos=offset(*BEIYUAN_LISHAN, -65, 40),
        refs=(j3_fire,))
    s.respond("EMER-3701-04", j3_emer, "17:08:00", "17:09:00", "17:33:00", "18:45:00", "19:05:00")
    s.update("17:40:00", j3_fire, level="IV",
             description="15名乘客已全部转移至安全地带，1名老人轻微擦伤，现场移交排涝队伍。")
    s.update("18:30:00", j3_emer, level="IV", description="北园大街历山路口积水基本排除，公交车已拖离。")

    # --- 二环东路与工业北路: a separate accident 1.8 km north of the 花园路 underpass ---
    j4_police = s.report(
        "17:12:20", "police", "370100", category="traffic_accident", level="IV",
        title="二环东路工业北路口三车追尾，1人受伤",
        description="二环东路与工业北路路口因路面积水视线不良，三辆小型车追尾，1人腿部受伤，占用两条车道。",
        adcode="370112", address="济南市历城区二环东路与工业北路交叉口",
        reporter="济南市公安局110指挥中心", pos=ERHUAN_GONGYEBEI)
    s.status("17:13:00", "POL-3701-04", "dispatched", incident=j4_police)
    s.status("17:19:00", "POL-3701-04", "onscene", offset(*ERHUAN_GONGYEBEI, -20, 15), j4_police)
    s.status("18:10:00", "POL-3701-04", "returning", offset(*ERHUAN_GONGYEBEI, -200, -30), j4_police)
    s.status("18:25:00", "POL-3701-04", "available")
    j4_emer = s.report(
        "17:14:05", "emergency", "370100", category="medical", level="IV",
        title="二环东路工业北路路口车祸，1名男子腿部受伤",
        description="120接警：车祸伤员1名，男，约40岁，左腿疑似骨折，意识清醒。",
        adcode="370112", address="济南市历城区二环东路工业北路路口",
        reporter="济南市急救中心120调度", pos=offset(*ERHUAN_GONGYEBEI, 60, 60))
    s.respond("EMER-3701-01", j4_emer, "17:14:30", "17:15:00", "17:24:00", "17:41:00", "18:05:00")
    s.respond("TRAN-3701-01", j4_police, "17:20:00", "17:21:00", "17:44:00", "18:12:00", "18:30:00")

    # --- 经十路燕山立交: urban has it right; the caller's phone fix is ~520 m off -------
    j5_urban = s.report(
        "17:20:00", "urban", "370102", category="waterlogging", level="IV",
        title="经十路燕山立交桥下积水约0.6米",
        description="经十路燕山立交桥下东西向辅路积水约0.6米，部分车辆涉水通行。",
        adcode="370102", address="济南市历下区经十路燕山立交桥下",
        reporter="历下区城市管理局巡查员", pos=YANSHAN, digits=5)
    s.respond("URB-3701-03", j5_urban, "17:21:00", None, "17:29:00", "18:42:00", "18:50:00")
    j5_police = s.report(
        "17:22:40", "police", "370100", category="waterlogging",
        title="燕山立交桥下积水，有车辆被困",
        description="报警人称燕山立交桥下积水，有一辆车熄火在水中，报警人已离开现场，位置为手机基站定位。",
        adcode="370102", address="济南市历下区经十路燕山立交桥下",
        reporter="济南市公安局110指挥中心（市民报警，基站定位）", pos=offset(*YANSHAN, -380, -350))
    s.respond("POL-3701-01", j5_police, "17:23:30", None, "17:31:00", "18:05:00", "18:15:00",
              scene=offset(*YANSHAN, 15, 20))
    s.update("18:40:00", j5_urban, description="燕山立交桥下积水已排除，恢复通行。")

    # --- 历山路无盖井: 250 m from the 经十路 underpass, a different incident ----------
    j6_urban = s.report(
        "17:26:10", "urban", "370102", category="manhole", level="IV",
        title="历山路一处雨水井盖被冲开",
        description="历山路（经十路以北约250米）东侧非机动车道一处雨水井盖被水流冲开，已放置锥桶警示。",
        adcode="370102", address="济南市历下区历山路（经十路以北约250米）东侧",
        reporter="历下区城市管理局巡查员", pos=LISHAN_MANHOLE, digits=5)
    j6_emer = s.report(
        "17:31:00", "emergency", "370100", category="medical", level="IV",
        title="历山路一名行人跌入无盖雨水井，腿部受伤",
        description="120接警：一名女性行人在历山路涉水行走时跌入无盖雨水井，已被路人拉出，腿部擦伤出血。",
        adcode="370102", address="济南市历下区历山路经十路以北",
        reporter="济南市急救中心120调度", pos=offset(*LISHAN_MANHOLE, 30, -25))
    s.respond("EMER-3701-02", j6_emer, "17:31:40", "17:32:20", "17:45:00", "18:00:00", "18:26:00")
    s.respond("URB-3701-04", j6_urban, "17:34:00", None, "17:52:00", "18:48:00", "19:02:00")
    s.update("18:45:00", j6_urban, description="井盖已复位并加装防坠网。")

    # --- 无影山路下穿 (天桥区) -------------------------------------------------------
    j11_urban = s.report(
        "17:35:00", "urban", "370105", category="waterlogging", level="IV",
        title="无影山路下穿积水约0.5米",
        description="无影山中路下穿积水约0.5米，已安排人员现场值守。",
        adcode="370105", address="济南市天桥区无影山中路下穿",
        reporter="天桥区城市管理局排水所", pos=WUYINGSHAN, digits=5)
    j11_police = s.report(
        "17:38:40", "police", "370100", category="waterlogging",
        title="无影山中路下穿积水，一辆出租车熄火",
        description="报警人称无影山中路下穿内一辆出租车熄火，司机已下车，车辆堵塞一条车道。",
        adcode="370105", address="济南市天桥区无影山中路下穿",
        reporter="济南市公安局110指挥中心（出租车司机报警）", pos=offset(*WUYINGSHAN, 45, 40))
    s.respond("POL-3701-02", j11_police, "17:39:20", None, "17:47:00", "18:30:00", "18:40:00")
    s.respond("URB-3701-02", j11_urban, "17:40:30", None, "17:55:00", "19:30:00", "19:48:00")

    # --- power outage: the emergency feed knows only the district -----------------------
    outage = s.report(
        "17:48:00", "emergency", "370100", category="power_outage", level="IV",
        title="历下区文化东路、和平路片区约3000户停电",
        description="国网济南供电公司通报：受强降雨影响，一座开闭所进水跳闸，历下区文化东路、和平路片区"
                    "约3000户停电，正在组织抢修。",
        adcode="370102", address="济南市历下区文化东路、和平路片区",
        reporter="济南市应急管理局应急指挥中心（供电公司通报）")
    s.update("19:55:00", outage, description="受影响片区已全部恢复供电。")

    # --- 槐荫区地下车库: fire and the emergency rescue team, 110 m apart --------------
    j8_fire = s.report(
        "17:55:30", "fire", "370100", category="trapped_people", level="III",
        title="槐荫区某小区地下车库进水，3人被困",
        description="报警人称腊山河西路某小区地下车库进水，3名居民在车库内挪车时被困，水深约1.5米。",
        adcode="370104", address="济南市槐荫区腊山河西路某小区地下车库",
        reporter="济南市消防救援支队119指挥中心", pos=HUAIYIN_GARAGE)
    s.respond("FIRE-3701-06", j8_fire, "17:56:20", "17:57:00", "18:04:30", "18:40:00", "18:52:00")
    j8_emer = s.report(
        "17:57:10", "emergency", "370100", category="waterlogging", level="III",
        title="槐荫区某小区地下车库倒灌，有居民被困",
        description="小区物业报告地下车库坡道雨水倒灌，车库内有居民被困，请求救援队和排涝设备支援。",
        adcode="370104", address="济南市槐荫区腊山河西路某小区",
        reporter="济南市应急管理局应急指挥中心（物业报告）", pos=offset(*HUAIYIN_GARAGE, 90, -65))
    s.respond("EMER-3701-03", j8_emer, "17:58:10", "17:59:00", "18:22:00", "19:00:00")
    # The city's own pumps are all busy: the province sends one from Tai'an.
    s.respond("EMER-3709-04", j8_emer, "18:10:00", "18:12:00", "19:08:00", "20:20:00",
              scene=offset(*HUAIYIN_GARAGE, 80, -90))
    s.update("18:35:00", j8_fire, level="IV", description="3名被困人员已全部救出，1人呛水，送医观察。")
    s.respond("EMER-3701-02", j8_fire, "18:36:00", "18:37:00", "18:55:00", "19:10:00", "19:40:00")

    # --- 英雄山路: a false report, cancelled while the rescue vehicle is on its way ----
    j9_police = s.report(
        "18:12:00", "police", "370100", category="drowning",
        title="英雄山路下穿有人落水",
        description="报警人称英雄山路下穿积水中有人落水，看不清是否已被救起。",
        adcode="370103", address="济南市市中区英雄山路下穿",
        reporter="济南市公安局110指挥中心（市民报警）", pos=YINGXIONGSHAN)
    s.status("18:13:20", "FIRE-3701-03", "dispatched", incident=j9_police)
    s.status("18:14:00", "FIRE-3701-03", "enroute", offset(*YINGXIONGSHAN, -300, -400), j9_police)
    s.cancel("18:19:20", j9_police,
             "经现场民警核实为误报：报警人将积水中漂浮的塑料布误认为落水人员，现场无人员落水。")
    s.status("18:20:10", "FIRE-3701-03", "returning", offset(*YINGXIONGSHAN, -500, -600))
    s.status("18:31:00", "FIRE-3701-03", "available")

    # --- 京台高速长清段: transport and highway police, 130 m apart --------------------
    j10_transport = s.report(
        "18:45:00", "transport", "370100", category="traffic_accident", level="IV",
        title="京台高速长清段货车侧滑撞击护栏，占用两条车道",
        description="京台高速济南方向长清段一辆重型货车因路面积水侧滑撞击中央护栏，占用第一、二车道，"
                    "无人员伤亡，后方车辆排队约2公里。",
        adcode="370113", address="济南市长清区京台高速济南方向长清段",
        reporter="济南市交通运输局路网监测中心", pos=JINGTAI_CHANGQING)
    j10_police = s.report(
        "18:47:30", "police", "370100", category="traffic_accident",
        title="京台高速长清段一辆货车侧翻",
        description="高速交警巡逻报告：京台高速长清段一辆货车侧翻，驾驶员轻微擦伤，正在设置警示区。",
        adcode="370113", address="济南市长清区京台高速长清段",
        reporter="山东高速交警济南支队长清大队", pos=offset(*JINGTAI_CHANGQING, 120, 50))
    s.respond("TRAN-3701-01", j10_transport, "18:48:00", "18:49:00", "19:24:00", "20:15:00", "20:50:00")

    # --- 柳埠山区: landslide by emergency, road damage by transport, 110 m apart --------
    j12_emer = s.report(
        "19:05:00", "emergency", "370100", category="landslide", level="IV",
        title="历城区柳埠街道山体滑坡，无人员伤亡",
        description="柳埠街道某村附近山体滑坡，土石方约200立方米，冲毁部分农田，无人员伤亡，已转移附近群众12人。",
        adcode="370112", address="济南市历城区柳埠街道某村",
        reporter="历城区应急管理局", pos=LIUBU)
    s.respond("EMER-3701-03", j12_emer, "19:07:00", "19:08:00", "19:50:00", "21:00:00")
    j12_transport = s.report(
        "19:08:20", "transport", "370100", category="road_damage",
        title="柳埠段山区公路塌方落石，道路中断",
        description="柳埠段山区公路因山体滑坡落石，双向交通中断，已在两端设置封闭。",
        adcode="370112", address="济南市历城区柳埠街道山区公路",
        reporter="济南市公路事业发展中心", pos=offset(*LIUBU, 70, 85))
    s.respond("TRAN-3701-02", j12_transport, "19:10:00", "19:11:00", "19:58:00", "21:05:00")
    s.update("20:40:00", j12_transport, description="落石已清理一侧，单车道恢复通行，夜间安排专人值守。")

    # --- 七里山路围墙倒塌, 洪家楼配电箱起火: single-agency incidents ------------------
    wall = s.report(
        "19:22:00", "urban", "370103", category="building_collapse", level="IV",
        title="七里山路某老旧小区围墙倒塌约15米",
        description="受连续降雨浸泡，七里山路某老旧小区北侧围墙倒塌约15米，砸坏两辆停放车辆，无人员受伤。",
        adcode="370103", address="济南市市中区七里山路某老旧小区北侧",
        reporter="市中区城市管理局巡查员", pos=QILISHAN, digits=5)
    s.respond("URB-3701-04", wall, "19:23:00", None, "19:35:00", "20:30:00", "20:45:00")

    j15_fire = s.report(
        "19:40:30", "fire", "370100", category="fire", level="IV",
        title="洪家楼某居民楼配电箱进水短路起火",
        description="洪家楼某居民楼一楼配电箱进水短路起火，冒出浓烟，楼内居民已自行疏散。",
        adcode="370112", address="济南市历城区洪家楼某居民楼一单元",
        reporter="济南市消防救援支队119指挥中心", pos=HONGJIALOU)
    s.respond("FIRE-3701-01", j15_fire, "19:41:00", "19:42:00", "19:49:00", "20:12:00", "20:24:00")
    s.update("20:05:00", j15_fire, description="明火已扑灭，无人员伤亡，已通知供电部门断电检修。")

    s.status("20:00:00", "FIRE-3701-04", "available")

    # --- a district warning of its own, left to expire -------------------------------
    s.alert(
        "17:10:00", "370114", sender="37011441600000", sender_name="章丘区气象台", msg_type="Alert",
        event="暴雨黄色预警", severity="Moderate", urgency="Expected", certainty="Likely",
        expires="20:10:00",
        headline="章丘区气象台发布暴雨黄色预警信号[Ⅲ级/较重]",
        description="章丘区气象台2026年07月15日17时10分发布暴雨黄色预警信号：预计未来6小时内，"
                    "章丘区降雨量将达50毫米以上，或者已达50毫米以上且降雨可能持续。",
        instruction="1.政府及相关部门按照职责做好防暴雨准备工作；2.交通管理部门应当根据路况在强降雨路段"
                    "采取交通管制措施，在积水路段实行交通引导；3.切断低洼地带有危险的室外电源，暂停在空旷地方的户外作业。",
        area_desc="济南市章丘区", polygon=ZHANGQIU_POLYGON, geocodes=["370114"])

    # --- the storm passes: downgrade, then cancel ---------------------------------------
    orange_again = s.alert(
        "19:30:00", "370100", sender=WX_SENDER, sender_name=WX_NAME, msg_type="Update",
        references=red, event="暴雨橙色预警", severity="Severe", urgency="Expected", certainty="Likely",
        expires="22:30:00",
        headline="济南市气象台将暴雨红色预警信号降级为橙色[Ⅱ级/严重]",
        description="济南市气象台2026年07月15日19时30分将暴雨红色预警信号降级为橙色：主要降雨过程已经结束，"
                    "预计未来3小时历城区、长清区南部山区仍有中到大雨，局部暴雨。",
        instruction="1.政府及相关部门按照职责继续做好防暴雨应急工作；2.注意防范南部山区山洪、滑坡等次生灾害；"
                    "3.积水路段排除前请勿涉水通行。",
        area_desc=URBAN_DESC, polygon=URBAN_POLYGON, geocodes=URBAN_CODES)

    s.alert(
        "20:50:00", "370100", sender=WX_SENDER, sender_name=WX_NAME, msg_type="Cancel",
        references=orange_again, event="暴雨橙色预警", severity="Severe", urgency="Past",
        certainty="Observed", expires="21:50:00",
        headline="济南市气象台解除暴雨橙色预警信号",
        description="济南市气象台2026年07月15日20时50分解除暴雨橙色预警信号：降雨已明显减弱，"
                    "预计未来6小时我市城区降雨量不超过20毫米。",
        instruction="各有关部门做好灾后排查和恢复工作，注意防范次生灾害。",
        area_desc=URBAN_DESC, polygon=URBAN_POLYGON, geocodes=URBAN_CODES)

    s.heartbeats("370100", "15:30:00", "21:30:00", every_min=60, quiet_min=30)

    # --- what correlation should make of it ------------------------------------------------
    s.same("经十路与历山路下穿：一辆车被困", j1_police, j1_urban, j1_fire,
           note="three agencies, three wordings, waterlogging and trapped_people; no refs")
    s.same("二环东路与花园路下穿积水", j2_urban, j2_transport, j2_police,
           note="police refs urban's id bare (no source)")
    s.same("北园大街历山路桥下公交车被困", j3_police, j3_fire, j3_emer,
           note="emergency refs fire's report as source#id; fire raises to III then lowers to IV")
    s.same("二环东路与工业北路三车追尾", j4_police, j4_emer, note="traffic_accident and medical, 85 m")
    s.same("历山路无盖雨水井，行人跌落受伤", j6_urban, j6_emer, note="manhole and medical, 40 m")
    s.same("无影山中路下穿积水", j11_urban, j11_police)
    s.same("槐荫区小区地下车库被困", j8_fire, j8_emer, note="trapped_people and waterlogging, 110 m")
    s.same("京台高速长清段货车事故", j10_transport, j10_police)
    s.same("柳埠山体滑坡阻断道路", j12_emer, j12_transport, note="landslide and road_damage, 110 m")
    s.judgement("燕山立交桥下积水：110 position is a base-station fix", j5_urban, j5_police,
                note="same address text, 2 min 40 s apart, but the police position is ~520 m off; "
                     "a duty officer merges them")
    s.judgement("12319 hotline's early call about 北园大街历山路口", hotline, j3_police,
                note="no coordinates, same address, 57 min earlier, waterlogging vs trapped_people; "
                     "it is the same spot, a rule may keep it apart")
    s.apart("二环东路：下穿积水 vs 1.8 km north, a crash 17 min later", j2_urban, j4_police)
    s.apart("历山路：下穿被困车辆 vs a manhole ~290 m north, 36 min later", j1_urban, j6_urban,
            note="same street, different category; the manhole must not be folded into the underpass")
    s.apart("经十路：历山路下穿 vs 燕山立交, 2.6 km", j1_urban, j5_urban,
            note="same road, same category, 30 min apart")
    s.apart("洪家楼配电箱起火 vs 二环东路下穿, 1 km, while the underpass is still open", j15_fire, j2_urban)
    s.apart("历下区停电 (adcode only) vs the 历下 waterlogging points", outage, j1_urban,
            note="a county-only report must not be pulled into an incident by county alone")

    # --- what a duty officer should do: the after-action report judges the run against it ---
    s.expect(j1_police, "经十路历山路下穿：小轿车被困，车内2人", ack=120, dispatch=300,
             kinds=("rescue", "drainage"))
    # The bus joins the 12319 caller's incident, open for an hour: its clock starts with it.
    s.expect(j3_police, "北园大街历山路桥下：公交车被困，约15名乘客", from_report=True, ack=120,
             dispatch=300, kinds=("rescue", "pump", "ambulance"))
    s.expect(j4_police, "二环东路工业北路：三车追尾，1人受伤", ack=180, dispatch=300,
             kinds=("traffic_police", "ambulance"))
    s.expect(j6_urban, "历山路雨水井盖被冲开，行人跌落", ack=300, dispatch=900, kinds=("repair",))
    s.expect(j8_fire, "槐荫区小区地下车库进水，3人被困", ack=120, dispatch=300, kinds=("rescue", "pump"))
    # Later found false: a drowning is answered all the same.
    s.expect(j9_police, "英雄山路下穿有人落水", ack=60, dispatch=180, kinds=("rescue",))
    s.expect(j10_transport, "京台高速长清段货车侧滑，占用两条车道", ack=300, dispatch=600,
             kinds=("traffic_police", "tow"))
    s.expect(j12_emer, "柳埠山体滑坡阻断道路", ack=300, dispatch=900, kinds=("rescue_team", "road_repair"))
    s.expect(j15_fire, "洪家楼居民楼配电箱起火", ack=120, dispatch=180, kinds=("engine",))
    return s


TITLE = "济南暴雨 (Jinan rainstorm), 2026-07-15 15:30–21:30"
SUMMARY = [
    "- 15:42 济南市气象台 issues 暴雨橙色预警 over 历下、市中、槐荫、天桥、历城、长清 (polygon and"
    " geocodes); 15:55 the 泉城广场 automatic station reports 52.6 mm in an hour; the mobile weather"
    " vehicle deploys; 16:05 the 12319 hotline hears of water under the 北园大街 bridge (no position).",
    "- 16:31 the warning is upgraded to 红色 (Update referencing the orange one). 17:10 章丘区气象台"
    " issues its own 暴雨黄色预警, which simply expires at 20:10.",
    "- 16:48–17:06 经十路/历山路 underpass: police, urban and fire report one stalled car in three"
    " wordings; fire rescues two people. 16:55 二环东路/花园路 underpass closed (urban, transport,"
    " traffic police). 17:02 a bus with ~15 passengers stalls under the 北园大街/历山路 bridge (police,"
    " fire level III, emergency pumps); everyone is out by 17:40 (lowered to IV).",
    "- 17:12 a three-car crash at 二环东路/工业北路, 1.8 km north of the 花园路 underpass (police, 120);"
    " 17:20 燕山立交 underpass (urban; a 110 caller placed ~520 m off by a base-station fix); 17:26 a"
    " manhole cover washed off on 历山路 250 m north of the underpass and a pedestrian falls in (urban,"
    " 120); 17:35 无影山路 underpass; 17:48 a power cut over 文化东路/和平路 (district only).",
    "- 17:55 three residents trapped in a flooded garage in 槐荫区 (fire III, emergency); a pump truck"
    " comes from 泰安 (EMER-3709-04). 18:12 a 110 report of someone drowning in the 英雄山路 underpass is"
    " cancelled at 18:19 as a false report while the rescue vehicle is on its way.",
    "- 18:45 a lorry skids on 京台高速 in 长清区 (transport, highway police); 19:05 a landslide cuts a"
    " mountain road at 柳埠 (emergency, transport); 19:22 a wall collapses on 七里山路; 19:40 a flooded"
    " switchboard catches fire at 洪家楼.",
    "- 19:30 the red warning is downgraded to orange (Update); 20:50 it is cancelled (Cancel"
    " referencing the orange Update). Units turn out, work and return throughout"
    " (dispatched → enroute → onscene → returning → available); FIRE-3701-04 is out of service"
    " until 20:00.",
]
