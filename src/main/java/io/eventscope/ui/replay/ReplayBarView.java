package io.eventscope.ui.replay;

import io.eventscope.ui.format.Formats;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Step buttons, play/pause with speed, the slider over the whole timeline, and where the cursor is. */
public final class ReplayBarView extends VBox {
    private final Slider slider = new Slider(0, 0, 0);
    private boolean syncing;
    private final VBox track;

    public ReplayBarView(ReplayViewModel replay, Runnable goTo) {
        getStyleClass().add("replay-bar");
        setSpacing(2);

        Button start = button("|◀", "To the start (Home)", "replayStart", replay::toStart);
        Button back100 = button("◀◀", "Back 100 events (Shift+←)", "replayBack100", () -> replay.step(-100));
        Button back = button("◀", "Back one event (←)", "replayBack", () -> replay.step(-1));
        Button forward = button("▶", "Forward one event (→)", "replayForward", () -> replay.step(1));
        Button forward100 = button("▶▶", "Forward 100 events (Shift+→)", "replayForward100", () -> replay.step(100));
        Button end = button("▶|", "To the end (End)", "replayEnd", replay::toEnd);

        ToggleButton play = new ToggleButton();
        play.setId("replayPlay");
        play.setFocusTraversable(false);
        play.selectedProperty().bindBidirectional(replay.playingProperty());
        play.textProperty().bind(Bindings.when(replay.playingProperty()).then("❚❚ Pause").otherwise("▶ Play"));
        play.setTooltip(new Tooltip("Play / pause (Space)"));
        play.setMinWidth(84);

        ComboBox<Integer> speed = new ComboBox<>();
        speed.setId("replaySpeed");
        speed.setFocusTraversable(false);
        for (int s : ReplayViewModel.SPEEDS) {
            speed.getItems().add(s);
        }
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null ? "" : Formats.count(v) + " ev/s";
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        speed.valueProperty().bindBidirectional(replay.speedProperty());
        speed.setTooltip(new Tooltip("Playback speed, events per second"));
        speed.setPrefWidth(104);
        speed.setMinWidth(104);

        ToggleButton follow = new ToggleButton("Follow");
        follow.setId("replayFollow");
        follow.setFocusTraversable(false);
        follow.selectedProperty().bindBidirectional(replay.followProperty());
        follow.setTooltip(new Tooltip("Keep the cursor at the newest event"));
        follow.setMinWidth(Region.USE_PREF_SIZE);

        CheckBox stops = new CheckBox("Stop at violations");
        stops.setId("replayStopAtViolations");
        stops.setFocusTraversable(false);
        stops.selectedProperty().bindBidirectional(replay.stopAtViolationsProperty());
        stops.setTooltip(new Tooltip("Play pauses on an event that breaks an invariant (F8 / Shift+F8: next / previous)"));
        stops.setMinWidth(Region.USE_PREF_SIZE);

        Button go = button("Go to…", "Go to a position or a time (Ctrl+G)", "replayGoTo", goTo);
        javafx.scene.Node clock = ClockToggle.of(replay.clock());

        slider.setId("replaySlider");
        slider.setMinWidth(120);
        slider.setFocusTraversable(false); // arrows are global shortcuts, not slider nudges
        slider.maxProperty().bind(replay.endProperty());
        slider.valueProperty().addListener((o, a, v) -> {
            if (!syncing) {
                replay.moveTo((int) Math.round(v.doubleValue()));
            }
        });
        replay.cursorProperty().addListener((o, a, c) -> {
            syncing = true;
            slider.setValue(c.intValue());
            syncing = false;
        });
        HBox.setHgrow(slider, Priority.ALWAYS);

        Label where = new Label();
        where.setId("replayWhere");
        where.getStyleClass().add("replay-where");
        where.textProperty().bind(replay.whereProperty());
        where.setMinWidth(Label.USE_PREF_SIZE);

        Label first = new Label();
        first.getStyleClass().add("replay-edge");
        first.textProperty().bind(replay.firstTimeProperty());
        Label last = new Label();
        last.getStyleClass().add("replay-edge");
        last.textProperty().bind(replay.lastTimeProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox edges = new HBox(first, gap, last);
        edges.getStyleClass().add("replay-edges");
        track = new VBox(0, slider, edges);
        track.setAlignment(Pos.CENTER);
        HBox.setHgrow(track, Priority.ALWAYS);
        HBox controls = new HBox(4, start, back100, back, forward, forward100, end, play, speed, stops, follow, go, clock, track,
                where);
        controls.setAlignment(Pos.CENTER_LEFT);
        getChildren().add(controls);
    }

    /** Puts {@code strip} (marks along the timeline) right under the slider. */
    public void addUnderSlider(javafx.scene.Node strip) {
        track.getChildren().add(1, strip);
    }

    public Slider slider() {
        return slider;
    }

    private static Button button(String text, String tip, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setFocusTraversable(false);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setMinWidth(Region.USE_PREF_SIZE); // never shrink to "…": these are the main controls
        return b;
    }
}
