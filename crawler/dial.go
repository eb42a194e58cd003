package crawler

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"syscall"
	"time"
)

// ErrPrivateAddress is returned when a site resolves to an address on a private,
// loopback, link-local or otherwise internal network and --allow-private is off.
var ErrPrivateAddress = errors.New("refused: address on a private or internal network")

// blocked are the ranges a crawler on an LA's network must never reach on behalf of
// a website: its own machine, the LAN, cloud metadata, carrier NAT.
var blocked = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),
	netip.MustParsePrefix("10.0.0.0/8"),
	netip.MustParsePrefix("100.64.0.0/10"),
	netip.MustParsePrefix("127.0.0.0/8"),
	netip.MustParsePrefix("169.254.0.0/16"),
	netip.MustParsePrefix("172.16.0.0/12"),
	netip.MustParsePrefix("192.0.0.0/24"),
	netip.MustParsePrefix("192.168.0.0/16"),
	netip.MustParsePrefix("198.18.0.0/15"),
	netip.MustParsePrefix("224.0.0.0/4"),
	netip.MustParsePrefix("240.0.0.0/4"),
	netip.MustParsePrefix("::/128"),
	netip.MustParsePrefix("::1/128"),
	netip.MustParsePrefix("fc00::/7"),
	netip.MustParsePrefix("fe80::/10"),
	netip.MustParsePrefix("ff00::/8"),
}

// IsPrivate says whether ip is in a range the crawler refuses by default.
func IsPrivate(ip netip.Addr) bool {
	ip = ip.Unmap()
	for _, p := range blocked {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}

// newDialer checks the address at the moment the connection is made, after DNS
// resolution, so a name that resolves (or re-resolves) to an internal address
// cannot slip through a check made on the URL alone.
func newDialer(allowPrivate bool, timeout time.Duration) func(ctx context.Context, network, addr string) (net.Conn, error) {
	d := &net.Dialer{
		Timeout:   timeout,
		KeepAlive: 30 * time.Second,
		Control: func(network, address string, _ syscall.RawConn) error {
			if allowPrivate {
				return nil
			}
			ap, err := netip.ParseAddrPort(address)
			if err != nil {
				return fmt.Errorf("%w: cannot parse %s", ErrPrivateAddress, address)
			}
			if IsPrivate(ap.Addr()) {
				return fmt.Errorf("%w (%s); pass --allow-private to crawl it", ErrPrivateAddress, ap.Addr())
			}
			return nil
		},
	}
	return d.DialContext
}
