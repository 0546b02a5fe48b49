"""Zibo chemical plant fire, 2026-04-09: a styrene tank fire in the 齐鲁化学工业区 of 临淄区,
the hazmat alarm, injured workers, traffic control, a highway toll gate closed by the smoke,
the plume and its monitoring, an evacuation, the response raised to level II with
reinforcements from three cities, then under control."""

from .feed import ScenarioWriter
from .geo import offset

DAY = "2026-04-09"

ID_FORMATS = {
    "/sd/370300/police": ("ZB-POL-{date}-{seq:04d}", 118),
    "/sd/370305/police": ("LZ-POL-{date}-{seq:04d}", 31),
    "/sd/370300/fire": ("ZB119-{date}-{seq:03d}", 12),
    "/sd/370300/emergency": ("ZBYJ{date}{seq:04d}", 5),
    "/sd/370300/transport": ("ZB-TRAN-{date}-{seq:04d}", 9),
    "/sd/370300/urban": ("ZB-URB-{date}-{seq:04d}", 56),
    "/sd/370305/urban": ("LZ-URB-{date}-{seq:04d}", 4),
    "/sd/370300/weather": ("ZB-WX-{date}-{seq:04d}", 2),
}

PLANT = (36.8340, 118.2420)                   # 3号罐区 of the plant, 临淄区
CALLER = offset(*PLANT, 700, 850)             # a citizen 1.1 km north-east, phone fix
EAST_GATE = offset(*PLANT, 10, 100)           # the plant's east gate, where the injured wait
CHECKPOINT = offset(*PLANT, -850, 300)        # traffic police checkpoint, 900 m south
TOLL_GATE = (36.8850, 118.3050)               # G20 青银高速临淄收费站, ~8 km north-east
VILLAGE_MONITOR = offset(*PLANT, 1800, 1700)  # air monitoring point 2.5 km downwind (NE)
WEATHER_POST = offset(*PLANT, -420, -430)     # mobile weather station 600 m upwind (SW)
SHELTER = offset(*PLANT, -2500, 2900)         # a middle school used as evacuation shelter
DRAIN = offset(*PLANT, -150, 90)              # storm drain outside the plant wall, 175 m
KITCHEN = offset(*PLANT, -1500, 2600)         # a flat 3 km away, an unrelated kitchen fire
CROSSROADS = (36.8200, 118.3100)              # 临淄大道与晏婴路, 6 km away, an unrelated crash

WIND_POLYGON = [(37.08, 117.95), (37.08, 118.45), (36.68, 118.45), (36.68, 117.95)]


def build(units: list[dict]) -> list[str]:
    s = ScenarioWriter(DAY, units, ID_FORMATS, city="370300")

    z_police = s.report(
        "14:06:20", "police", "370300", category="fire",
        title="齐鲁化学工业区方向冒出大量黑烟，伴有爆炸声",
        description="报警人称在家中看到西南方向化工区冒出大量黑烟，先后听到两声闷响，具体位置不清楚。",
        adcode="370305", address="淄博市临淄区齐鲁化学工业区（报警人位于园区东北侧约1公里）",
        reporter="淄博市公安局110指挥中心（市民报警，手机定位）", pos=CALLER)
    z_fire = s.report(
        "14:07:05", "fire", "370300", category="fire", level="IV",
        title="临淄区某化工有限公司储罐区起火",
        description="119接警：齐鲁化学工业区某化工有限公司储罐区起火，企业专职消防队已出动，"
                    "调派园区消防救援站、临淄消防救援站前往。",
        adcode="370305", address="淄博市临淄区齐鲁化学工业区某化工有限公司储罐区",
        reporter="淄博市消防救援支队119指挥中心", pos=PLANT)
    s.respond("FIRE-3703-05", z_fire, "14:07:40", "14:08:20", "14:12:40", "17:55:00")
    s.respond("FIRE-3703-06", z_fire, "14:07:50", "14:08:30", "14:13:10", "17:30:00", "17:45:00",
              scene=offset(*PLANT, -40, 60))
    z_emer = s.report(
        "14:08:40", "emergency", "370300", category="hazardous_chemicals", level="III",
        title="某化工有限公司3号罐区苯乙烯储罐泄漏着火",
        description="企业报告：3号罐区一具5000立方米苯乙烯内浮顶储罐呼吸阀处泄漏着火，企业已启动应急预案，"
                    "紧急停车并关闭罐区进出料阀门，现场有人员受伤情况待核实。",
        adcode="370305", address="淄博市临淄区齐鲁化学工业区某化工有限公司3号罐区",
        reporter="淄博市应急管理局危化品安全风险监测预警中心（企业报告）", pos=offset(*PLANT, 40, -40))
    s.respond("FIRE-3703-03", z_fire, "14:09:00", "14:09:40", "14:22:00", "17:50:00",
              scene=offset(*PLANT, 30, -60))
    s.respond("POL-3703-02", z_police, "14:09:30", None, "14:24:00", "17:40:00", "17:55:00",
              scene=offset(*PLANT, -300, 150))
    s.update("14:14:00", z_fire, level="III",
             description="3号罐区一具苯乙烯储罐顶部起火，火势较大，有向邻近储罐蔓延的趋势，"
                         "园区站已出4支泡沫炮冷却邻罐。")
    s.respond("FIRE-3703-02", z_fire, "14:15:00", "14:16:00", "14:38:00", "17:40:00", "18:05:00",
              scene=offset(*PLANT, -60, -30))
    s.respond("FIRE-3703-01", z_fire, "14:15:20", "14:16:10", "14:40:00", "17:35:00", "18:00:00",
              scene=offset(*PLANT, 70, 40))
    s.update("14:18:00", z_police, description="经核实为齐鲁化学工业区某化工企业储罐火灾，消防已到场处置。")
    s.respond("EMER-3703-03", z_emer, "14:19:30", "14:20:00", "14:40:00", "17:50:00")

    z_med = s.report(
        "14:21:10", "emergency", "370300", category="medical", level="IV",
        title="化工厂内3名工人烧伤，在厂区东门等待救护车",
        description="120接警：某化工有限公司3名工人在处置初期火情时烧伤，其中1人面部、双手烧伤较重，"
                    "已由企业人员送至厂区东门。",
        adcode="370305", address="淄博市临淄区齐鲁化学工业区某化工有限公司东门",
        reporter="淄博市急救中心120调度", pos=EAST_GATE)
    s.respond("EMER-3703-02", z_med, "14:21:40", "14:22:10", "14:33:00", "14:50:00", "15:30:00")
    s.respond("EMER-3703-01", z_med, "14:22:30", "14:23:00", "14:46:00", "15:02:00", "15:40:00")

    z_traffic = s.report(
        "14:26:00", "police", "370300", category="hazardous_chemicals",
        title="齐鲁化学工业区周边道路实施交通管制",
        description="对化工区周边道路实施交通管制，以着火罐区为中心设置半径1公里警戒区，"
                    "禁止无关车辆和人员进入，为救援车辆开辟绿色通道。",
        adcode="370305", address="淄博市临淄区齐鲁化学工业区南侧路口",
        reporter="淄博市公安局交通警察支队临淄大队", pos=CHECKPOINT, refs=(z_police, z_fire))
    s.respond("POL-3703-03", z_traffic, "14:26:30", None, "14:35:00", "17:36:00", "17:50:00",
              scene=CHECKPOINT)

    z_transport = s.report(
        "14:32:00", "transport", "370300", category="hazardous_chemicals", level="IV",
        title="受化工企业火灾浓烟影响，G20青银高速临淄收费站入口临时封闭",
        description="受齐鲁化学工业区储罐火灾浓烟影响，G20青银高速临淄收费站入口临时封闭，"
                    "请前往青岛方向车辆经淄博东收费站绕行。",
        adcode="370305", address="淄博市临淄区G20青银高速临淄收费站",
        reporter="淄博市交通运输局综合行政执法支队", pos=TOLL_GATE, refs=(z_fire,))
    s.respond("TRAN-3703-02", z_transport, "14:33:00", "14:34:00", "14:50:00", "17:40:00", "17:55:00",
              scene=offset(*TOLL_GATE, -30, -20))

    s.alert(
        "14:35:00", "370300", sender="37030041600000", sender_name="淄博市气象台", msg_type="Alert",
        event="大风黄色预警", severity="Moderate", urgency="Expected", certainty="Likely",
        expires="17:35:00",
        headline="淄博市气象台发布大风黄色预警信号[Ⅲ级/较重]",
        description="淄博市气象台2026年04月09日14时35分发布大风黄色预警信号：预计未来3小时内，"
                    "临淄区、张店区、桓台县将出现西南风6级，阵风8级以上的大风天气。",
        instruction="1.政府及相关部门按照职责做好防大风工作；2.停止露天活动和高空等户外危险作业；"
                    "3.危化品事故现场注意风向变化，做好下风向人员防护和转移准备。",
        area_desc="淄博市临淄区、张店区、桓台县", polygon=WIND_POLYGON,
        geocodes=["370305", "370303", "370321"])
    s.respond("WX-3703-01", z_fire, "14:38:00", "14:39:00", "15:04:00", "17:45:00", scene=WEATHER_POST)

    z_accident = s.report(
        "14:50:30", "police", "370300", category="traffic_accident", level="IV",
        title="临淄大道与晏婴路交叉口两车相撞",
        description="一辆小型轿车与一辆电动三轮车在临淄大道与晏婴路交叉口相撞，三轮车驾驶人轻微擦伤。",
        adcode="370305", address="淄博市临淄区临淄大道与晏婴路交叉口",
        reporter="淄博市公安局110指挥中心", pos=CROSSROADS)
    s.respond("TRAN-3703-01", z_accident, "14:55:00", "14:56:00", "15:20:00", "15:50:00", "16:15:00")

    z_pollution = s.report(
        "14:55:00", "emergency", "370300", category="pollution", level="III",
        title="下风向约2.5公里某村监测点VOCs浓度超标",
        description="生态环境部门通报：着火点下风向约2.5公里某村空气监测点VOCs浓度超过标准限值约4倍，"
                    "苯乙烯有检出，建议做好下风向群众防护。",
        adcode="370305", address="淄博市临淄区齐鲁化学工业区东北侧某村",
        reporter="淄博市应急管理局（生态环境部门通报）", pos=VILLAGE_MONITOR, refs=(z_emer,))
    z_weather = s.report(
        "15:05:20", "weather", "370300", category="pollution",
        title="现场气象观测：西南风5.2米/秒，烟团向东北方向扩散",
        description="移动气象台现场观测：地面风向西南，平均风速5.2米/秒，阵风7级，气温18.6℃，"
                    "相对湿度32%，大气扩散条件一般，烟团向东北方向扩散，预计傍晚风力减弱。",
        adcode="370305", address="淄博市临淄区齐鲁化学工业区着火点西南约600米",
        reporter="淄博市气象局移动气象台", pos=WEATHER_POST, refs=(z_fire,), digits=4)

    # Special police go to clear the village downwind; the evacuation is then reported.
    s.respond("POL-3703-04", z_police, "15:00:00", None, "15:30:00", "17:45:00",
              scene=offset(*VILLAGE_MONITOR, 200, -100))
    z_evac = s.report(
        "15:08:00", "police", "370305", category="crowd", level="III",
        title="组织疏散下风向群众约1200人至安置点",
        description="按现场指挥部要求，组织疏散化工区下风向某村、某社区群众约1200人至临淄区某中学安置点，"
                    "安置点已开放，正在登记。",
        adcode="370305", address="淄博市临淄区某中学安置点",
        reporter="淄博市公安局临淄分局指挥室", pos=SHELTER, refs=(z_police,))

    s.update("15:12:00", z_emer, level="II",
             description="着火储罐发生沸溢，火势扩大至防火堤内，省应急管理厅启动危险化学品事故Ⅱ级应急响应，"
                         "省级工作组赶赴现场。")
    s.update("15:13:00", z_fire, level="II",
             description="火势扩大至防火堤内流淌火，总队调集东营、滨州、潍坊支队化学救援力量增援。")
    s.respond("FIRE-3705-03", z_fire, "15:15:00", "15:16:00", "16:25:00", "17:40:00",
              scene=offset(*PLANT, -80, 90))
    s.respond("FIRE-3716-03", z_fire, "15:15:30", "15:16:30", "16:20:00", "17:42:00",
              scene=offset(*PLANT, 90, -80))
    s.respond("FIRE-3707-03", z_fire, "15:16:00", "15:17:00", "16:35:00", "17:44:00",
              scene=offset(*PLANT, -90, -100))

    z_smell = s.report(
        "15:20:00", "urban", "370300", category="pollution",
        title="张店区多名市民反映闻到刺鼻气味",
        description="12319热线陆续接到张店区东部多名市民来电，反映室外有刺鼻气味，询问是否需要关窗。",
        adcode="370303", address="淄博市张店区东部",
        reporter="淄博市城市管理局12319热线（市民来电）")
    s.update("15:30:00", z_med, level="III",
             description="伤员增至5人，其中1人重度烧伤已转送淄博市中心医院，4人轻伤在临淄区人民医院救治。")
    s.respond("EMER-3703-02", z_med, "15:31:00", "15:32:00", "15:44:00", "16:00:00", "16:35:00")

    kitchen = s.report(
        "15:40:30", "fire", "370300", category="fire", level="IV",
        title="临淄区某小区居民家中厨房起火",
        description="某小区6号楼3楼一户居民厨房油锅起火，火势不大，住户已自行撤离。",
        adcode="370305", address="淄博市临淄区某小区6号楼",
        reporter="淄博市消防救援支队119指挥中心", pos=KITCHEN)
    s.respond("FIRE-3703-04", kitchen, "15:41:00", "15:42:00", "15:49:00", "16:10:00", "16:20:00")
    s.update("16:02:00", kitchen, description="明火已扑灭，无人员受伤。")

    s.update("16:05:00", z_emer, description="着火罐进出料管线已切断，泄漏得到控制，火势明显减弱。")
    drain = s.report(
        "16:10:00", "urban", "370305", category="pollution", level="IV",
        title="化工区外排水沟发现消防废水外溢",
        description="巡查发现着火企业南侧围墙外市政雨水沟有泡沫及油污外溢，已通知企业封堵雨水排口。",
        adcode="370305", address="淄博市临淄区齐鲁化学工业区某化工有限公司南侧围墙外",
        reporter="临淄区综合行政执法局巡查员", pos=DRAIN, digits=5)
    s.respond("URB-3703-02", drain, "16:12:00", None, "16:25:00", "17:50:00")
    s.update("16:45:00", z_fire, level="III", description="明火已扑灭，继续对着火罐及邻近储罐冷却降温，防止复燃。")
    s.update("17:10:00", z_emer, level="III", description="险情得到控制，应急响应调整为Ⅲ级。")
    s.update("17:20:00", drain, description="雨水排口已封堵，消防废水导入企业应急事故池。")
    s.update("17:30:00", z_traffic, description="现场警戒范围缩小至罐区周边，周边道路交通管制解除。")
    s.update("17:32:00", z_evac, description="经环境监测达标，疏散群众陆续返回。")
    s.update("17:35:00", z_transport, description="G20青银高速临淄收费站入口恢复通行。")
    s.update("17:45:00", z_pollution, level="IV", description="下风向各监测点VOCs浓度已恢复正常。")
    s.update("17:50:00", z_fire, level="IV", description="现场处置完毕，留园区消防救援站监护，其余力量归队。")

    s.heartbeats("370300", "13:40:00", "18:10:00", every_min=60, quiet_min=30)

    # --- what correlation should make of it ------------------------------------------------
    s.same("储罐火灾：消防、应急（企业自报）、120伤员", z_fire, z_emer, z_med,
           note="fire, hazardous_chemicals and medical; no refs between them")
    s.same("储罐火灾 (the same incident): joined through refs", z_fire, z_traffic, z_transport,
           z_weather, note="traffic control 900 m (refs the 110 and 119 reports), toll gate ~8 km "
                           "(refs 119), weather post 600 m (refs 119): distance alone would keep them apart")
    s.same("储罐火灾 (the same incident): downwind monitoring and evacuation, through refs", z_emer,
           z_pollution, z_police, z_evac,
           note="pollution 2.5 km refs emergency's own report (bare id); the evacuation from the "
                "临淄 police office refs the city 110 report as source#id; with the traffic-control "
                "report's refs, every report in these three groups is one incident")
    s.judgement("110 caller 1.1 km away, 45 s before 119", z_police, z_fire,
                note="category fire, same park, phone fix 1.1 km off; it is the same fire "
                     "(the traffic-control report refs both, which settles it through refs)")
    s.judgement("消防废水外溢 175 m from the tank, 2 h later", drain, z_fire,
                note="pollution caused by the fire-fighting water; merge while the fire is open")
    s.apart("厨房起火 3 km away, 1.5 h later", kitchen, z_fire, note="same category, same county")
    s.apart("临淄大道两车相撞 6 km away", z_accident, z_fire)
    s.apart("张店区异味 (adcode only, another county, no refs)", z_smell, z_pollution,
            note="likely the plume, but nothing in the report ties it to this incident")

    # --- what a duty officer should do: the after-action report judges the run against it ---
    # The 110 caller's smoke opens the incident the 119 report joins: the clock starts there.
    s.expect(z_fire, "化工厂储罐区火灾：苯乙烯储罐泄漏着火", ack=120, dispatch=300, kinds=("hazmat", "engine"))
    s.expect(z_med, "3名工人烧伤，在厂区东门等待救护车", from_report=True, dispatch=300, kinds=("ambulance",))
    s.expect(z_accident, "临淄大道与晏婴路口两车相撞", ack=300, dispatch=600, kinds=("patrol", "tow"))
    # Likely the plume: nothing to send, but someone must have seen it.
    s.expect(z_smell, "张店区市民反映刺鼻气味", ack=600)
    s.expect(kitchen, "临淄区居民家中厨房起火", ack=120, dispatch=180, kinds=("engine",))
    return s


TITLE = "淄博化工厂火灾 (Zibo chemical plant fire), 2026-04-09 13:40–18:10"
SUMMARY = [
    "- 14:06 a citizen calls 110 about black smoke and bangs from the 齐鲁化学工业区 (phone fix 1.1 km"
    " from the plant); 14:07 119 reports a fire at the tank farm of 临淄区某化工有限公司; 14:08 the"
    " plant's own report reaches the emergency feed: a styrene tank leaking and burning"
    " (hazardous_chemicals, III). The park's fire station and 临淄 turn out in minutes.",
    "- 14:14 fire raises to III; 14:21 three burned workers wait at the east gate (120); 14:26 traffic"
    " police close the roads around the park (refs the 110 and 119 reports); 14:32 transport closes"
    " the G20 临淄 toll gate because of the smoke (refs 119); 14:35 淄博市气象台 issues 大风黄色预警"
    " (Moderate) for 临淄、张店、桓台, left to expire at 17:35.",
    "- 14:50 an unrelated crash on 临淄大道 6 km away; 14:55 a monitoring point 2.5 km downwind measures"
    " VOCs at four times the limit; 15:05 the mobile weather station reports south-west wind carrying"
    " the plume north-east; 15:08 the 临淄 police office evacuates ~1,200 people to a school.",
    "- 15:12–15:13 the tank boils over: emergency and fire raise the incident to II; hazmat engines come"
    " from 东营, 滨州 and 潍坊 (reporting on their own cities' fire feeds). 15:20 the 12319 hotline hears"
    " of a smell in 张店区 (district only). 15:30 five injured. 15:40 an unrelated kitchen fire 3 km away.",
    "- 16:05 the leak is stopped; 16:10 fire-fighting water spills into a storm drain outside the wall;"
    " 16:45 the fire is out (III); 17:10 response lowered to III; 17:30–17:45 traffic control lifted,"
    " evacuees return, the toll gate reopens, the air is clean again; 17:50 fire lowers to IV and the"
    " units return.",
]
