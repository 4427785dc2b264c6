package vn.cchc.publication;

import java.util.Optional;

/** What an item is about: the reform topics plans name (PAR Index, SIPAS, …). */
public enum Theme {
    PAR_INDEX("Chỉ số CCHC (PAR Index)"),
    SIPAS("Chỉ số hài lòng (SIPAS)"),
    PAPI("PAPI"),
    PCI("PCI"),
    DTI("Chỉ số chuyển đổi số (DTI)"),
    ONLINE_PUBLIC_SERVICES("Dịch vụ công trực tuyến"),
    DIGITAL_GOVERNMENT("Chính quyền số"),
    ONE_STOP_SHOP("Một cửa, một cửa liên thông"),
    CIVIL_SERVICE_ETHICS("Đạo đức công vụ"),
    ADMINISTRATIVE_PROCEDURES("Thủ tục hành chính"),
    OTHER("Khác");

    private final String label;

    Theme(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<Theme> parse(String text) {
        return Labels.parse(Theme.class, text, Theme::label);
    }
}
