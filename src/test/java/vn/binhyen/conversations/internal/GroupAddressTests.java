package vn.binhyen.conversations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which village-group messages speak to the police page, and what is left of them once the address is taken off. */
class GroupAddressTests {

    private static final String PAGE = "4318250000000000001";

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "công an ơi cho hỏi làm lại cccd bị mất cần gì | cho hỏi làm lại cccd bị mất cần gì",
                "Công an xã ơi, đăng ký tạm trú ở đâu ạ? | đăng ký tạm trú ở đâu ạ?",
                "CA xã ơi làm lại căn cước mất bao lâu | làm lại căn cước mất bao lâu",
                "CA ơi cho em hỏi | cho em hỏi",
                "cong an xa Ea Kao oi dang ky xe may o dau | dang ky xe may o dau",
                "anh công an cho em hỏi thủ tục tạm vắng | cho em hỏi thủ tục tạm vắng",
                "Chào công an xã, nhà em có khách ở lại thì khai báo thế nào | nhà em có khách ở lại thì khai báo thế nào",
                "@Công an xã Hòa Thắng: đổi thẻ căn cước ở đâu | đổi thẻ căn cước ở đâu",
                "@Công an phường cấp lại biển số xe thế nào | cấp lại biển số xe thế nào",
                "Công an phường cho hỏi đổi bằng lái ở đâu | cho hỏi đổi bằng lái ở đâu",
                "các anh công an ơi, mất ví thì báo ở đâu | mất ví thì báo ở đâu",
                "cax oi xin giay xac nhan cu tru | xin giay xac nhan cu tru",
                "[@" + PAGE + "] làm lại cccd cần gì | làm lại cccd cần gì",
                "cho em hỏi [@" + PAGE + "] tạm trú | cho em hỏi tạm trú",
            })
    void aMessageThatCallsThePoliceIsAddressedToThePage(String text, String asked) {
        assertThat(GroupAddress.askedOf(text, PAGE)).contains(asked);
        assertThat(GroupAddress.mayAddress(text))
                .as("the listener's condition lets it through")
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "mai họp tổ dân phố nhé",
                "hôm qua công an xã đến nhà ông Ba hỏi thăm",
                "Có công an ở chợ không mọi người?",
                "tối nay bọn nó hẹn đua xe ở hồ Ea Kao",
            })
    void theGroupsOwnTalkIsNotEvenLookedAt(String text) {
        assertThat(GroupAddress.mayAddress(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "mai họp tổ dân phố nhé",
                "hôm qua công an xã đến nhà ông Ba hỏi thăm",
                "Công an xã vừa bắt được kẻ trộm chó",
                "Cả xã ơi, mai cắt điện từ 7 giờ",
                "anh cả ơi mai về ăn cơm",
                "Có công an ở chợ không mọi người?",
                "ba công an đến nhà em hôm qua",
                "công an ơi",
                "cho em hỏi [@9999999999999999999] tạm trú",
                "Công an xã cho biết sẽ tuần tra tối nay",
            })
    void talkAboutThePoliceOrToEachOtherIsNot(String text) {
        assertThat(GroupAddress.askedOf(text, PAGE)).isEmpty();
    }
}
