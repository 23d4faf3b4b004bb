// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.pool;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.domain.address.IpFamily;
import io.kubevip.domain.address.VipAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PoolConfigTest {

  @Test
  void givenEveryKnownKey_whenParsed_thenNoProblemsAndEachKeyTakesEffect() {
    PoolConfig c = PoolConfig.parse(Map.of(
        "cidr-prod", "10.0.0.0/24, fd00::/120",
        "range-dev", "10.1.0.10-10.1.0.20,fd01::10-fd01::20",
        "cidr-global", "10.9.0.0/16",
        "range-global", "10.8.0.1-10.8.0.9",
        "allow-share-prod", "true",
        "allow-share-global", "false",
        "interface-prod", "eth0.200",
        "interface-global", "eth0",
        "search-order", "desc",
        "skip-end-ips-in-cidr", "true"));
    assertThat(c.problems()).isEmpty();
    assertThat(c.searchOrder()).isEqualTo(SearchOrder.DESCENDING);
    assertThat(c.skipEndIpsInCidr()).isTrue();
    assertThat(c.poolFor("prod")).get().extracting(Pool::key).isEqualTo("cidr-prod");
    assertThat(c.poolFor("dev")).get().extracting(Pool::key).isEqualTo("range-dev");
    assertThat(c.poolFor("other")).get().extracting(Pool::key).isEqualTo("cidr-global");
    assertThat(c.allowShare("prod")).isTrue();
    assertThat(c.allowShare("dev")).isFalse();
    assertThat(c.interfaceName("prod")).contains("eth0.200");
    assertThat(c.interfaceName("dev")).contains("eth0");
    Pool prod = c.poolFor("prod").orElseThrow();
    assertThat(prod.serves(IpFamily.IPV4)).isTrue();
    assertThat(prod.serves(IpFamily.IPV6)).isTrue();
    assertThat(prod.contains(VipAddress.parse("10.0.0.7"))).isTrue();
    assertThat(prod.contains(VipAddress.parse("fd00::fe"))).isTrue();
    assertThat(prod.contains(VipAddress.parse("fd00::ff"))).as("skip-end-ips-in-cidr drops the last").isFalse();
    assertThat(prod.contains(VipAddress.parse("fd00::100"))).isFalse();
    assertThat(prod.entries()).containsExactly("10.0.0.0/24", "fd00::/120");
    assertThat(c.pools()).extracting(Pool::key).containsExactly("range-dev", "cidr-global", "range-global", "cidr-prod");
  }

  @Test
  void givenNamespaceAndGlobalKeys_whenLookedUp_thenNamespaceCidrThenNamespaceRangeThenGlobalCidrThenGlobalRange() {
    Map<String, String> all = Map.of("cidr-a", "10.0.1.0/24", "range-a", "10.0.2.1-10.0.2.9",
        "cidr-global", "10.0.3.0/24", "range-global", "10.0.4.1-10.0.4.9");
    assertThat(PoolConfig.parse(all).poolFor("a").orElseThrow().key()).isEqualTo("cidr-a");
    assertThat(PoolConfig.parse(without(all, "cidr-a")).poolFor("a").orElseThrow().key()).isEqualTo("range-a");
    assertThat(PoolConfig.parse(without(all, "cidr-a", "range-a")).poolFor("a").orElseThrow().key()).isEqualTo("cidr-global");
    assertThat(PoolConfig.parse(Map.of("range-global", "10.0.4.1-10.0.4.9")).poolFor("a").orElseThrow().key())
        .isEqualTo("range-global");
    assertThat(PoolConfig.parse(Map.of("cidr-b", "10.0.0.0/24")).poolFor("a")).isEmpty();
    assertThat(PoolConfig.lookupKeys("a")).containsExactly("cidr-a", "range-a", "cidr-global", "range-global");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "cidr-prod  | 10.0.0.0/33     | cidr-prod: '10.0.0.0/33': prefix must be 0..32",
      "cidr-prod  | fd00::/129      | cidr-prod: 'fd00::/129': prefix must be 0..128",
      "cidr-prod  | 10.0.0.0/x      | cidr-prod: '10.0.0.0/x': prefix must be 0..32",
      "cidr-prod  | 10.0.0.0/-1     | cidr-prod: '10.0.0.0/-1': prefix must be 0..32",
      "cidr-prod  | 10.0.0.0        | cidr-prod: '10.0.0.0': expected a CIDR such as 10.0.0.0/24 or fd00::/120 (address/prefix)",
      "cidr-prod  | 10.0.0.300/24   | cidr-prod: '10.0.0.300/24': '10.0.0.300' is not an IPv4 or IPv6 address",
      "cidr-prod  | lb.example/24   | cidr-prod: 'lb.example/24': 'lb.example' is not an IPv4 or IPv6 address",
      "cidr-prod  | 224.0.0.0/24    | cidr-prod: '224.0.0.0/24': lies in multicast address space, which cannot hold a VIP",
      "cidr-prod  | 127.0.0.0/8     | cidr-prod: '127.0.0.0/8': lies in loopback address space, which cannot hold a VIP",
      "cidr-prod  | fe80::/64       | cidr-prod: 'fe80::/64': lies in link-local address space, which cannot hold a VIP",
      "range-prod | 10.0.0.1        | range-prod: '10.0.0.1': expected start-end, e.g. 10.0.0.10-10.0.0.20 or fd00::10-fd00::20",
      "range-prod | 10.0.0.1-2-3    | range-prod: '10.0.0.1-2-3': expected start-end, e.g. 10.0.0.10-10.0.0.20 or fd00::10-fd00::20",
      "range-prod | 10.0.0.1-x      | range-prod: '10.0.0.1-x': 'x' is not an IPv4 or IPv6 address; expected start-end",
      "range-prod | 10.0.0.9-10.0.0.1 | range-prod: '10.0.0.9-10.0.0.1': start 10.0.0.9 is after end 10.0.0.1",
      "range-prod | 10.0.0.1-fd00::1 | range-prod: '10.0.0.1-fd00::1': start and end must be of the same family (both IPv4 or both IPv6)",
      "range-prod | 10.0.0.0/24     | range-prod: '10.0.0.0/24': expected start-end, e.g. 10.0.0.10-10.0.0.20 or fd00::10-fd00::20",
  })
  void givenMalformedEntry_whenParsed_thenProblemNamesKeyEntryAndExpectation(String key, String entry, String expected) {
    PoolConfig c = PoolConfig.parse(Map.of(key, entry + ",10.5.0.0-10.5.0.9".replace("10.5.0.0-10.5.0.9",
        key.startsWith("cidr") ? "10.5.0.0/24" : "10.5.0.1-10.5.0.9")));
    assertThat(c.problems()).extracting(PoolProblem::toString).containsExactly(expected);
    // the rest of the key still works
    Pool pool = c.poolFor("prod").orElseThrow();
    assertThat(pool.contains(VipAddress.parse("10.5.0.5"))).isTrue();
  }

  @Test
  void givenOneBadKey_whenParsed_thenOtherKeysStillWork() {
    PoolConfig c = PoolConfig.parse(Map.of("cidr-prod", "10.0.0.0/99", "cidr-global", "10.1.0.0/24",
        "search-order", "sideways", "skip-end-ips-in-cidr", "yes", "allow-share-global", "maybe", "interface-global", "eth 0"));
    assertThat(c.problems()).extracting(PoolProblem::toString).containsExactly(
        "allow-share-global: 'maybe': expected true or false; treated as false",
        "cidr-prod: '10.0.0.0/99': prefix must be 0..32",
        "cidr-prod: no usable entry: Services of namespace prod will get no address until this key is fixed"
            + " (expected a comma list of CIDRs, e.g. 10.0.0.0/24,fd00::/120)",
        "interface-global: 'eth 0': expected a network interface name (1-15 characters, no '/', ':' or whitespace),"
            + " e.g. eth0 or eth0.200",
        "search-order: 'sideways': expected desc (or asc, the default); using ascending",
        "skip-end-ips-in-cidr: 'yes': expected true or false; using false");
    assertThat(c.poolFor("other").orElseThrow().key()).isEqualTo("cidr-global");
    // a broken namespace key still selects its (empty) pool: no silent move to global addresses
    assertThat(c.poolFor("prod").orElseThrow().key()).isEqualTo("cidr-prod");
    assertThat(c.allowShare("x")).isFalse();
    assertThat(c.interfaceName("x")).isEmpty();
  }

  @Test
  void givenUnknownKeys_whenParsed_thenReportedWithSuggestionButUserKeysIgnored() {
    PoolConfig c = PoolConfig.parse(Map.of("cidr_global", "10.0.0.0/24", "Range-Prod", "10.0.0.1-10.0.0.2",
        "cidrs-prod", "10.0.0.0/24", "searchorder", "desc", "x-owner", "team-net", "cidr-", "10.0.0.0/24"));
    assertThat(c.problems()).extracting(PoolProblem::toString).containsExactly(
        "Range-Prod: unknown key (did you mean range-prod?); " + expectedKeys(),
        "cidr-: '' is not a namespace name (lower-case DNS-1123 label) nor 'global', so this key never applies",
        "cidr_global: unknown key (did you mean cidr-global?); " + expectedKeys(),
        "cidrs-prod: unknown key (did you mean cidr-prod?); " + expectedKeys(),
        "searchorder: unknown key; " + expectedKeys());
    assertThat(c.pools()).isEmpty();
  }

  @Test
  void givenInvalidNamespaceInKey_whenParsed_thenProblemAndIgnored() {
    PoolConfig c = PoolConfig.parse(Map.of("cidr-Prod", "10.0.0.0/24", "interface-my_ns", "eth0"));
    assertThat(c.problems()).extracting(PoolProblem::key).containsExactly("cidr-Prod", "interface-my_ns");
    assertThat(c.poolFor("Prod")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"true,true", "True,true", "1,true", "t,true", "false,false", "F,false", "0,false"})
  void givenGoParseBoolSpellings_whenAllowShareParsed_thenAccepted(String text, boolean expected) {
    PoolConfig c = PoolConfig.parse(Map.of("allow-share-prod", text));
    assertThat(c.problems()).isEmpty();
    assertThat(c.allowShare("prod")).isEqualTo(expected);
  }

  @Test
  void givenSearchOrderAscOrBlank_whenParsed_thenAscendingWithoutProblem() {
    assertThat(PoolConfig.parse(Map.of("search-order", "asc")).searchOrder()).isEqualTo(SearchOrder.ASCENDING);
    assertThat(PoolConfig.parse(Map.of("search-order", "")).problems()).isEmpty();
    assertThat(PoolConfig.parse(Map.of("skip-end-ips-in-cidr", "false")).problems()).isEmpty();
  }

  @Test
  void givenNamespaceAllowShareFalse_whenGlobalTrue_thenNamespaceWins() {
    PoolConfig c = PoolConfig.parse(Map.of("allow-share-prod", "false", "allow-share-global", "true"));
    assertThat(c.allowShare("prod")).isFalse();
    assertThat(c.allowShare("dev")).isTrue();
  }

  @Test
  void givenDhcpPools_whenParsed_thenDhcpPerFamilyAndOtherEntriesOfThatFamilyReported() {
    PoolConfig c = PoolConfig.parse(Map.of("cidr-global", "0.0.0.0/32", "cidr-both", "::/128,0.0.0.0/32",
        "cidr-mixed", "0.0.0.0/32,10.0.0.0/24,fd00::/120"));
    Pool global = c.poolFor("x").orElseThrow();
    assertThat(global.isDhcp(IpFamily.IPV4)).isTrue();
    assertThat(global.serves(IpFamily.IPV6)).isFalse();
    assertThat(c.poolFor("both").orElseThrow().isDhcp(IpFamily.IPV6)).isTrue();
    Pool mixed = c.poolFor("mixed").orElseThrow();
    assertThat(mixed.isDhcp(IpFamily.IPV4)).isTrue();
    assertThat(mixed.isDhcp(IpFamily.IPV6)).isFalse();
    assertThat(mixed.serves(IpFamily.IPV6)).isTrue();
    assertThat(mixed.contains(VipAddress.parse("10.0.0.5"))).isFalse();
    assertThat(c.problems()).extracting(PoolProblem::toString).containsExactly(
        "cidr-mixed: '10.0.0.0/24': ignored: this key already selects DHCP for IPv4 (0.0.0.0/32)");
  }

  @Test
  void givenEmptyValueOrEmptyEntries_whenParsed_thenEmptiesDroppedAndEmptyKeyReported() {
    PoolConfig c = PoolConfig.parse(Map.of("cidr-global", " 10.0.0.0/24 ,, ", "range-prod", ""));
    assertThat(c.problems()).extracting(PoolProblem::key).containsExactly("range-prod");
    assertThat(c.poolFor("x").orElseThrow().entries()).containsExactly("10.0.0.0/24");
  }

  @Test
  void givenHostBitsInCidr_whenParsed_thenMaskedLikeGo() {
    Pool p = PoolConfig.parse(Map.of("cidr-global", "10.0.0.77/24")).poolFor("x").orElseThrow();
    assertThat(p.contains(VipAddress.parse("10.0.0.1"))).isTrue();
    assertThat(p.contains(VipAddress.parse("10.0.1.1"))).isFalse();
  }

  @Test
  void givenNullData_whenParsed_thenEmptyConfigWithoutProblems() {
    PoolConfig c = PoolConfig.parse(null);
    assertThat(c.problems()).isEmpty();
    assertThat(c.pools()).isEmpty();
    assertThat(c.searchOrder()).isEqualTo(SearchOrder.ASCENDING);
    assertThat(c.skipEndIpsInCidr()).isFalse();
  }

  private static String expectedKeys() {
    return "expected cidr-<namespace>, range-<namespace>, allow-share-<namespace>, interface-<namespace> (each also"
        + " with -global), search-order, skip-end-ips-in-cidr, or x-<anything> for notes";
  }

  private static Map<String, String> without(Map<String, String> m, String... keys) {
    Map<String, String> copy = new java.util.HashMap<>(m);
    for (String k : keys) {
      copy.remove(k);
    }
    return copy;
  }
}
