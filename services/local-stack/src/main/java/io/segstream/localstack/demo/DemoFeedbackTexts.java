package io.segstream.localstack.demo;

import java.util.List;

/** What customers write, in English and Chinese, by how they feel. */
final class DemoFeedbackTexts {
    static final List<String> POSITIVE = List.of(
            "质量很好, will buy again", "客服态度很好，很耐心", "Delivery was fast and the packaging was perfect",
            "价格实惠，宝宝很喜欢", "Great quality formula, my baby loves it", "配送很快，第二天就到了",
            "Staff in the Shanghai store were very helpful", "东西不贵，质量也不错");
    static final List<String> NEUTRAL = List.of(
            "It was ok, nothing special", "一般般吧", "Product as described", "还可以，价格中等",
            "Average experience overall");
    static final List<String> NEGATIVE = List.of(
            "配送太慢了, delivery took a week", "价格太贵了，别家便宜很多", "客服态度差，问题一直没解决",
            "Quality is not what it used to be, the box was damaged", "Too expensive compared to other shops",
            "质量很差，用了一次就坏了", "Nobody answered my support ticket for days", "选择太少了，想要的型号都没有",
            "The courier lost my parcel and service was rude");

    private DemoFeedbackTexts() {
    }
}
