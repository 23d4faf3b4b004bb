// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.bgp.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kubevip.adapter.bgp.wire.BgpDecodeException.Handling;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Each malformation gets the NOTIFICATION code/subcode RFC 4271 §6 names, or the RFC 7606 handling. */
class DecodeErrorTest {
  private static final String MARKER = "ffffffffffffffffffffffffffffffff";

  private static byte[] hex(String s) {
    return HexFormat.of().parseHex(s.replace(" ", ""));
  }

  private static BgpDecodeException error(String hex) {
    return catchThrowableOfType(BgpDecodeException.class, () -> BgpMessage.parse(ByteBuffer.wrap(hex(hex))));
  }

  private static Update update(String attrs, String nlri) throws BgpDecodeException {
    int attrLen = attrs.replace(" ", "").length() / 2;
    int len = 19 + 4 + attrLen + nlri.replace(" ", "").length() / 2;
    return (Update) BgpMessage.parse(ByteBuffer.wrap(hex(MARKER + String.format("%04x", len) + "02 0000"
        + String.format("%04x", attrLen) + attrs + nlri)));
  }

  private static final String VALID_ATTRS = "40010100 400200 400304 0a63000b";

  @Test
  void givenBadMarker_thenConnectionNotSynchronized() {
    BgpDecodeException e = error("fe" + MARKER.substring(2) + "0013 04");
    assertThat(e.code()).isEqualTo(1);
    assertThat(e.subcode()).isEqualTo(1);
    assertThat(e.handling()).isEqualTo(Handling.SESSION_RESET);
  }

  @Test
  void givenLengthOver4096_thenBadMessageLengthWithTheLengthAsData() {
    BgpDecodeException e = error(MARKER + "1001 04");
    assertThat(e.code()).isEqualTo(1);
    assertThat(e.subcode()).isEqualTo(2);
    assertThat(e.data()).isEqualTo(hex("1001"));
  }

  @Test
  void givenKeepaliveWithBody_thenBadMessageLength() {
    assertThat(error(MARKER + "0014 04 00").subcode()).isEqualTo(2);
  }

  @Test
  void givenUnknownType_thenBadMessageTypeWithTypeAsData() {
    BgpDecodeException e = error(MARKER + "0013 09");
    assertThat(e.subcode()).isEqualTo(3);
    assertThat(e.data()).isEqualTo(new byte[] {9});
  }

  @Test
  void givenOpenVersion3_thenUnsupportedVersionNaming4() {
    BgpDecodeException e = error(MARKER + "001d 01 03 fde9 0003 0a63000b 00");
    assertThat(e.code()).isEqualTo(2);
    assertThat(e.subcode()).isEqualTo(1);
    assertThat(e.data()).isEqualTo(hex("0004"));
  }

  @Test
  void givenOpenHoldTime2_thenUnacceptableHoldTime() {
    assertThat(error(MARKER + "001d 01 04 fde9 0002 0a63000b 00").subcode()).isEqualTo(6);
  }

  @Test
  void givenOpenIdentifierZero_thenBadBgpIdentifier() {
    assertThat(error(MARKER + "001d 01 04 fde9 0003 00000000 00").subcode()).isEqualTo(3);
  }

  @Test
  void givenOpenAsZero_thenBadPeerAs() {
    assertThat(error(MARKER + "001d 01 04 0000 0003 0a63000b 00").subcode()).isEqualTo(2);
  }

  @Test
  void givenOpenUnknownOptionalParameter_thenUnsupportedOptionalParameter() {
    assertThat(error(MARKER + "0020 01 04 fde9 0003 0a63000b 03 07 01 00").subcode()).isEqualTo(4);
  }

  @Test
  void givenRouteRefreshOfWrongLength_thenRouteRefreshInvalidLength() {
    BgpDecodeException e = error(MARKER + "0018 05 0001 00 01 00");
    assertThat(e.code()).isEqualTo(7);
    assertThat(e.subcode()).isEqualTo(1);
    assertThat(e.data()).hasSize(24);
  }

  @Test
  void givenInvalidOriginValue_thenTreatAsWithdraw() throws Exception {
    Update u = update("40010103 400200 400304 0a63000b", "20 0a636401");
    assertThat(u.isTreatAsWithdraw()).isTrue();
    assertThat(u.error().subcode()).isEqualTo(ErrorCodes.INVALID_ORIGIN_ATTRIBUTE);
    assertThat(u.announced()).isEmpty();
    assertThat(u.allWithdrawn()).containsExactly(Prefix.of("10.99.100.1/32"));
  }

  @Test
  void givenAsPathWithZeroLengthSegment_thenTreatAsWithdrawMalformedAsPath() throws Exception {
    Update u = update("40010100 400202 0200 400304 0a63000b", "20 0a636401");
    assertThat(u.error().subcode()).isEqualTo(ErrorCodes.MALFORMED_AS_PATH);
    assertThat(u.isTreatAsWithdraw()).isTrue();
  }

  @Test
  void givenWellKnownAttributeMarkedOptional_thenAttributeFlagsErrorTreatAsWithdraw() throws Exception {
    Update u = update("c0010100 400200 400304 0a63000b", "20 0a636401");
    assertThat(u.error().subcode()).isEqualTo(ErrorCodes.ATTRIBUTE_FLAGS_ERROR);
    assertThat(u.isTreatAsWithdraw()).isTrue();
  }

  @Test
  void givenMissingNextHop_thenMissingWellKnownTreatAsWithdraw() throws Exception {
    Update u = update("40010100 400200", "20 0a636401");
    assertThat(u.error().subcode()).isEqualTo(ErrorCodes.MISSING_WELL_KNOWN_ATTRIBUTE);
    assertThat(u.error().data()).isEqualTo(new byte[] {3});
  }

  @Test
  void givenCommunitiesOfOddLength_thenTreatAsWithdraw() throws Exception {
    Update u = update(VALID_ATTRS + " c00803 000001", "20 0a636401");
    assertThat(u.error().subcode()).isEqualTo(ErrorCodes.ATTRIBUTE_LENGTH_ERROR);
    assertThat(u.isTreatAsWithdraw()).isTrue();
  }

  @Test
  void givenAtomicAggregateWithValue_thenAttributeDiscardKeepsRoute() throws Exception {
    Update u = update(VALID_ATTRS + " 400601 00", "20 0a636401");
    assertThat(u.error().handling()).isEqualTo(Handling.ATTRIBUTE_DISCARD);
    assertThat(u.announced()).containsExactly(Prefix.of("10.99.100.1/32"));
    assertThat(u.attribute(PathAttribute.AtomicAggregate.class)).isEmpty();
  }

  @Test
  void givenUnrecognizedWellKnownAttribute_thenSessionResetWithAttributeAsData() {
    BgpDecodeException e = catchThrowableOfType(BgpDecodeException.class, () -> update(VALID_ATTRS + " 405a01 07", ""));
    assertThat(e.subcode()).isEqualTo(ErrorCodes.UNRECOGNIZED_WELL_KNOWN_ATTRIBUTE);
    assertThat(e.data()).isEqualTo(hex("405a0107"));
  }

  @Test
  void givenMpReachTwice_thenSessionReset() {
    BgpDecodeException e = catchThrowableOfType(BgpDecodeException.class,
        () -> update(VALID_ATTRS + " 800f03000201 800f03000201", ""));
    assertThat(e.subcode()).isEqualTo(ErrorCodes.MALFORMED_ATTRIBUTE_LIST);
  }

  @Test
  void givenMpReachIpv6WithFourOctetNextHop_thenSessionResetOptionalAttributeError() {
    BgpDecodeException e = catchThrowableOfType(BgpDecodeException.class,
        () -> update("40010100 400200 800e09 0002 01 04 0a63000b 00", ""));
    assertThat(e.code()).isEqualTo(3);
    assertThat(e.subcode()).isEqualTo(ErrorCodes.OPTIONAL_ATTRIBUTE_ERROR);
  }

  @Test
  void givenNlriPrefixLongerThan32_thenInvalidNetworkField() {
    BgpDecodeException e = catchThrowableOfType(BgpDecodeException.class, () -> update(VALID_ATTRS, "21 0a63640100"));
    assertThat(e.subcode()).isEqualTo(ErrorCodes.INVALID_NETWORK_FIELD);
  }

  @Test
  void givenWithdrawnLengthOverrun_thenMalformedAttributeList() {
    BgpDecodeException e = error(MARKER + "0017 02 00ff 0000");
    assertThat(e.code()).isEqualTo(3);
    assertThat(e.subcode()).isEqualTo(ErrorCodes.MALFORMED_ATTRIBUTE_LIST);
  }

  @Test
  void givenAttributeLengthOverrunningList_thenTreatAsWithdraw() throws Exception {
    Update u = update(VALID_ATTRS + " c00810 0001", "20 0a636401");
    assertThat(u.isTreatAsWithdraw()).isTrue();
    assertThat(u.error().subcode()).isEqualTo(ErrorCodes.MALFORMED_ATTRIBUTE_LIST);
  }

  @Test
  void givenDecodeError_whenNotificationBuilt_thenItCarriesCodeSubcodeData() {
    BgpDecodeException e = error(MARKER + "0013 09");
    assertThat(e.toNotification()).isEqualTo(new Notification(1, 3, Octets.of((byte) 9)));
    assertThat(e.getMessage()).contains("Bad Message Type").contains("(1/3)").contains("type 9");
  }
}
