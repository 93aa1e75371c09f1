package dev.labforge.targets.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labforge.render.RenderException;
import dev.labforge.render.RenderedFile;
import org.junit.jupiter.api.Test;

/** What the drawing's schema is checked against: read as a stream, summed up as a DOM would give it. */
class SvgTest {
  private static RenderedFile svg(String text) {
    return RenderedFile.text("inventory/topology.svg", text, "templates/inventory/topology.svg.ftl", Svg.FORMAT,
        "schemas/inventory/topology-svg.schema.json");
  }

  @Test
  void theRootAndTheMachineGroupsInDocumentOrder() throws RenderException {
    String text = """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="640" height="480">
          <g class="network" id="net-lab"><g class="machine" id="m-inner"/></g>
          <g class="machine" id="m-b"><text>b</text></g>
          <svg:g xmlns:svg="http://www.w3.org/2000/svg" class="machine" id="m-a"/>
          <g id="m-none"/>
          <rect class="machine" id="not-a-group"/>
        </svg>
        """;
    assertThat(Svg.summary(svg(text)).toString()).isEqualTo(
        "{\"element\":\"svg\",\"namespace\":\"http://www.w3.org/2000/svg\",\"width\":\"640\",\"height\":\"480\","
            + "\"machines\":[\"m-inner\",\"m-b\",\"m-a\"]}");
  }

  @Test
  void missingAttributesAndNamespaceReadAsEmpty() throws RenderException {
    assertThat(Svg.summary(svg("<svg><g class='machine'/></svg>")).toString()).isEqualTo(
        "{\"element\":\"svg\",\"namespace\":\"\",\"width\":\"\",\"height\":\"\",\"machines\":[\"\"]}");
  }

  @Test
  void brokenXmlAndDoctypesAreRefused() {
    assertThatThrownBy(() -> Svg.summary(svg("<svg><g></svg>")))
        .hasMessage("templates/inventory/topology.svg.ftl: inventory/topology.svg does not parse back as XML: "
            + "The element type \"g\" must be terminated by the matching end-tag \"</g>\".");
    assertThatThrownBy(() -> Svg.summary(svg("<!DOCTYPE svg [<!ENTITY x \"y\">]><svg>&x;</svg>")))
        .hasMessageContaining("DOCTYPE");
  }
}
