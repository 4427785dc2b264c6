package vn.cchc.system;

import java.util.Map;

/**
 * The local stack's demo accounts (gateway/src/main/resources/demo-accounts.yml, docs/security.md; every account has
 * its own password): the one place the system tests take a demo password from.
 */
public final class DemoAccounts {
    private static final Map<String, String> PASSWORDS = Map.ofEntries(
            Map.entry("admin", "Admin@2026"),
            Map.entry("coordinator.phu-khuong", "DieuPhoi.PhuKhuong@2026"),
            Map.entry("editor.phu-khuong", "BienTap.PhuKhuong@2026"),
            Map.entry("coordinator.tien-minh", "DieuPhoi.TienMinh@2026"),
            Map.entry("editor.tien-minh", "BienTap.TienMinh@2026"),
            Map.entry("coordinator.bac-binh", "DieuPhoi.BacBinh@2026"),
            Map.entry("editor.bac-binh", "BienTap.BacBinh@2026"),
            Map.entry("coordinator.van-phong", "DieuPhoi.VanPhong@2026"),
            Map.entry("editor.van-phong", "BienTap.VanPhong@2026"),
            Map.entry("viewer", "Xem@2026"),
            Map.entry("ops", "VanHanh@2026"));

    private DemoAccounts() {}

    /** The demo password of {@code username}; an unknown name is a mistake in the test. */
    public static String password(String username) {
        String password = PASSWORDS.get(username);
        if (password == null) throw new IllegalArgumentException("No demo account " + username);
        return password;
    }
}
