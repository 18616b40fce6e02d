package io.clipflow.publish;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.context.ApplicationContext;

/** One publish, up to the audit task (word screen + fair assignment), through clipflow's service: the leg. */
public final class PublishLeg implements Runnable {

    public static final String DESCRIPTION = "A quiet morning walk along the river, with the city waking up, "
            + "street food stalls opening and a cat that would not leave the camera alone. 清晨沿河散步，城市慢慢醒来，"
            + "路边早餐摊陆续开张，一只猫一直跟着镜头。Music by the creator, shot on a phone.";

    private final PublishService publish;
    private final AtomicLong sequence = new AtomicLong();

    public PublishLeg(ApplicationContext app) {
        this.publish = app.getBean(PublishService.class);
    }

    @Override
    public void run() {
        publish.publish("creator1", new PublishService.NewVideo("Morning walk #" + sequence.incrementAndGet(),
                DESCRIPTION, "https://videos.example/walk.mp4"));
    }
}
