package vn.cchc.system.attacks;

/** Through the gateway's public port, or straight to a service's own port (bypassing the gateway), or onto the bus. */
enum Route {
    GATEWAY, DIRECT, KAFKA
}
