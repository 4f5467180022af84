package vn.binhyen.zalosim.internal;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.binhyen.conversations.Conversations;

/**
 * Residents of the demo's city ward ask the questions people really ask, typed the way they type them, through the
 * simulator's signed webhooks; so the conversation inbox has suggested answers to show, the ward's automatic answers
 * (switched on by the conversations demo) have something to answer, and the question figures are not empty; in a
 * village group a member asks the police too, beside the group's own talk. Only on
 * a first start: the demo database outlives the simulator, and a restart must not ask them all again.
 */
@Component
@SimulatorOnly
@ConditionalOnBooleanProperty("binhyen.demo.enabled")
class SimDemoQuestions {

    static final String COMMUNE = "24133";

    private static final List<String> QUESTIONS = List.of(
            "lam lai cccd bi mat can gi",
            "Cho em hỏi đăng ký tạm trú cho người thuê trọ thì làm ở đâu ạ?",
            "Lệ phí làm thẻ căn cước là bao nhiêu?",
            "xe may mua lai cua nguoi quen thi sang ten the nao a",
            "vneid quen mat khau thi lam sao",
            "Cho hỏi thứ 7 công an phường có làm việc buổi chiều không?",
            "Đăng ký thường trú cho trẻ mới sinh");

    static final String GROUP_TALK = "Tối nay 7 giờ họp tổ dân phố ở nhà văn hoá nhé mọi người";
    static final String GROUP_QUESTION = "Công an phường ơi cho em hỏi làm lại căn cước bị mất cần giấy tờ gì ạ?";

    private final SimWorld world;
    private final SimResidents residents;
    private final Conversations conversations;

    SimDemoQuestions(SimWorld world, SimResidents residents, Conversations conversations) {
        this.world = world;
        this.residents = residents;
        this.conversations = conversations;
    }

    /** After {@link SimDemo} has connected the pages. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void ask() {
        if (conversations.hasThreads(COMMUNE)) {
            return;
        }
        world.oas().stream()
                .filter(oa -> oa.communeCode().equals(COMMUNE))
                .findFirst()
                .ifPresent(oa -> {
                    for (int i = 0; i < QUESTIONS.size(); i++) {
                        String user = world.newUser("Người dân hỏi " + (i + 1)).userId();
                        residents.follow(oa, user, true);
                        residents.sendText(oa, user, QUESTIONS.get(i));
                    }
                    // In a village group: the group's own talk, then a question put to the police page.
                    world.groupsOf(oa.oaId()).stream().findFirst().ifPresent(group -> {
                        String member =
                                world.newUser("Thành viên nhóm tổ dân phố").userId();
                        residents.sendGroupText(group, member, GROUP_TALK);
                        residents.sendGroupText(group, member, GROUP_QUESTION);
                    });
                });
    }
}
