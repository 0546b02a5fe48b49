/// The four classes of the national classification of public emergencies.
public enum CategoryClass: String, Sendable, CaseIterable, Codable, Hashable {
    case natural, accident, publicHealth = "public_health", socialSecurity = "social_security"

    public var chineseName: String {
        switch self {
        case .natural: "自然灾害"
        case .accident: "事故灾难"
        case .publicHealth: "公共卫生事件"
        case .socialSecurity: "社会安全事件"
        }
    }

    public var englishName: String {
        switch self {
        case .natural: "Natural disaster"
        case .accident: "Accident"
        case .publicHealth: "Public health"
        case .socialSecurity: "Social security"
        }
    }
}

/// A subtype of incident as feeds name it (`fire`, `traffic_accident`, ...). Unknown subtypes
/// from a feed are kept as `other` with the feed's word preserved on the report.
public enum Category: String, Sendable, CaseIterable, Codable, Hashable {
    // natural disasters
    case rainstorm, flood, waterlogging, typhoon, stormSurge = "storm_surge", earthquake,
         landslide, forestFire = "forest_fire", snowstorm, heatwave
    // accidents
    case fire, trafficAccident = "traffic_accident", hazardousChemicals = "hazardous_chemicals",
         gasLeak = "gas_leak", buildingCollapse = "building_collapse", manhole,
         roadDamage = "road_damage", powerOutage = "power_outage", waterMain = "water_main",
         pollution, trappedPeople = "trapped_people", drowning
    // public health
    case medical, epidemic, foodPoisoning = "food_poisoning"
    // social security
    case crowd, publicOrder = "public_order", crime, missingPerson = "missing_person"
    case other

    public var categoryClass: CategoryClass {
        switch self {
        case .rainstorm, .flood, .waterlogging, .typhoon, .stormSurge, .earthquake, .landslide,
             .forestFire, .snowstorm, .heatwave:
            .natural
        case .fire, .trafficAccident, .hazardousChemicals, .gasLeak, .buildingCollapse, .manhole,
             .roadDamage, .powerOutage, .waterMain, .pollution, .trappedPeople, .drowning, .other:
            .accident
        case .medical, .epidemic, .foodPoisoning:
            .publicHealth
        case .crowd, .publicOrder, .crime, .missingPerson:
            .socialSecurity
        }
    }

    public var chineseName: String {
        switch self {
        case .rainstorm: "暴雨"
        case .flood: "洪涝"
        case .waterlogging: "城市内涝"
        case .typhoon: "台风"
        case .stormSurge: "风暴潮"
        case .earthquake: "地震"
        case .landslide: "山体滑坡"
        case .forestFire: "森林火灾"
        case .snowstorm: "暴雪"
        case .heatwave: "高温"
        case .fire: "火灾"
        case .trafficAccident: "交通事故"
        case .hazardousChemicals: "危化品事故"
        case .gasLeak: "燃气泄漏"
        case .buildingCollapse: "建筑坍塌"
        case .manhole: "井盖缺失"
        case .roadDamage: "道路损毁"
        case .powerOutage: "停电"
        case .waterMain: "供水管爆裂"
        case .pollution: "环境污染"
        case .trappedPeople: "人员被困"
        case .drowning: "溺水"
        case .medical: "医疗急救"
        case .epidemic: "传染病疫情"
        case .foodPoisoning: "食物中毒"
        case .crowd: "人员聚集"
        case .publicOrder: "治安事件"
        case .crime: "刑事案件"
        case .missingPerson: "人员走失"
        case .other: "其他"
        }
    }

    public var englishName: String {
        switch self {
        case .rainstorm: "Rainstorm"
        case .flood: "Flood"
        case .waterlogging: "Waterlogging"
        case .typhoon: "Typhoon"
        case .stormSurge: "Storm surge"
        case .earthquake: "Earthquake"
        case .landslide: "Landslide"
        case .forestFire: "Forest fire"
        case .snowstorm: "Snowstorm"
        case .heatwave: "Heatwave"
        case .fire: "Fire"
        case .trafficAccident: "Traffic accident"
        case .hazardousChemicals: "Hazardous chemicals"
        case .gasLeak: "Gas leak"
        case .buildingCollapse: "Building collapse"
        case .manhole: "Missing manhole cover"
        case .roadDamage: "Road damage"
        case .powerOutage: "Power outage"
        case .waterMain: "Burst water main"
        case .pollution: "Pollution"
        case .trappedPeople: "People trapped"
        case .drowning: "Drowning"
        case .medical: "Medical emergency"
        case .epidemic: "Epidemic"
        case .foodPoisoning: "Food poisoning"
        case .crowd: "Crowd gathering"
        case .publicOrder: "Public order"
        case .crime: "Crime"
        case .missingPerson: "Missing person"
        case .other: "Other"
        }
    }
}
