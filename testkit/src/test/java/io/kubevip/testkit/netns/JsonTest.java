// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.netns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void givenIpAddrShowOutput_whenParsed_thenNestedValuesReadable() {
    String ip = "[{\"ifindex\":2,\"ifname\":\"eth0\",\"flags\":[\"UP\"],\"mtu\":1500,"
        + "\"addr_info\":[{\"family\":\"inet6\",\"local\":\"fd99::11\",\"prefixlen\":64,\"nodad\":true,"
        + "\"label\":\"a\\\"b\\u0041\",\"x\":null,\"f\":-1.5e2}]}]";
    List<Map<String, Object>> l = Json.parseArrayOfObjects(ip);
    assertThat(l.get(0)).containsEntry("ifname", "eth0").containsEntry("mtu", 1500L);
    @SuppressWarnings("unchecked")
    Map<String, Object> a = ((List<Map<String, Object>>) l.get(0).get("addr_info")).get(0);
    assertThat(a).containsEntry("local", "fd99::11").containsEntry("nodad", true)
        .containsEntry("label", "a\"bA").containsEntry("x", null).containsEntry("f", -150.0);
  }

  @Test
  void givenEmptyOutput_whenParsedAsArray_thenEmpty() {
    assertThat(Json.parseArrayOfObjects("\n")).isEmpty();
  }

  @Test
  void givenTruncatedJson_whenParsed_thenErrorNamesOffset() {
    assertThatThrownBy(() -> Json.parse("[{\"a\":1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("offset 7");
  }
}
