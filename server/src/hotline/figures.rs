//! The figures the generator follows: the 2020 top-ten categories and their shares (facts
//! file), Beijing's districts by population, and the daily volume. Sub-levels are made up.

/// A top-level category, its 2020 volume in 万, and the (level 2, level 3) pairs under it.
pub(super) type Category = (&'static str, f64, &'static [(&'static str, &'static str)]);

/// The 2020 top-ten categories in 万 requests (facts file), each with sub-levels we made up.
pub(super) const CATEGORIES: [Category; 10] = [
    (
        "疫情防控",
        107.7,
        &[
            ("防控政策", "咨询"),
            ("隔离管控", "求助"),
            ("核酸检测", "投诉"),
        ],
    ),
    (
        "市场管理",
        98.0,
        &[
            ("预付式消费", "退费难"),
            ("消费纠纷", "商品质量"),
            ("价格", "乱收费"),
        ],
    ),
    (
        "公共服务",
        64.8,
        &[
            ("公共设施", "维修"),
            ("养老服务", "老年助餐"),
            ("政务服务", "办事效率"),
        ],
    ),
    (
        "住房",
        61.2,
        &[
            ("物业管理", "物业服务"),
            ("老旧小区", "加装电梯"),
            ("房屋租赁", "押金"),
        ],
    ),
    (
        "医疗卫生",
        59.8,
        &[("医疗服务", "挂号难"), ("医保", "报销"), ("药品", "价格")],
    ),
    (
        "城乡建设",
        54.8,
        &[
            ("供暖", "室温不达标"),
            ("施工扰民", "夜间施工"),
            ("市政设施", "道路破损"),
            ("环境卫生", "扬尘"),
        ],
    ),
    (
        "交通管理",
        47.2,
        &[("停车", "停车难"), ("公交", "线路"), ("非机动车", "乱停放")],
    ),
    (
        "社会秩序",
        46.5,
        &[
            ("噪声", "生活噪声"),
            ("治安", "纠纷"),
            ("宠物", "遛狗不拴绳"),
        ],
    ),
    (
        "劳动和社会保障",
        35.7,
        &[("劳动争议", "拖欠工资"), ("社保", "缴费"), ("就业", "招聘")],
    ),
    (
        "教育",
        35.1,
        &[("入学", "学位"), ("校外培训", "退费"), ("学校管理", "收费")],
    ),
];

/// Beijing's sixteen districts, weighted by resident population (万, 2020 census, rounded).
pub(super) const DISTRICTS: [(&str, f64); 16] = [
    ("朝阳区", 345.0),
    ("海淀区", 313.0),
    ("昌平区", 227.0),
    ("丰台区", 202.0),
    ("大兴区", 199.0),
    ("通州区", 184.0),
    ("顺义区", 132.0),
    ("房山区", 131.0),
    ("西城区", 110.0),
    ("东城区", 71.0),
    ("石景山区", 57.0),
    ("密云区", 53.0),
    ("平谷区", 46.0),
    ("怀柔区", 44.0),
    ("门头沟区", 39.0),
    ("延庆区", 35.0),
];

/// Requests a day, from the facts file (about 25 million a year).
pub const PER_DAY: u64 = 70_000;

/// 供暖 requests, by level 3: most about cold rooms, then slow repairs, then village heaters.
pub(super) const HEATING: [(&str, f64); 3] = [
    ("室温不达标", 60.0),
    ("报修响应慢", 25.0),
    ("农村取暖设备", 15.0),
];
