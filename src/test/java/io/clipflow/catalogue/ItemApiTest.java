package io.clipflow.catalogue;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.clipflow.ClipflowIntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The catalogue as a client sees it: ops add items, anyone signed in reads one with its stock. */
@ClipflowIntegrationTest
class ItemApiTest {

    @Autowired MockMvc mvc;

    @Test
    void onlyOpsAddItemsAndAnyoneSignedInReadsThem() throws Exception {
        mvc.perform(post("/api/items").with(httpBasic("buyer1", "buyer1")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"x\",\"priceCents\":1,\"stock\":1}")).andExpect(status().isForbidden());
        String location = mvc.perform(post("/api/items").with(httpBasic("admin", "admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Lamp\",\"priceCents\":4200,\"stock\":3}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", Matchers.startsWith("/api/items/")))
                .andExpect(jsonPath("$.stock").value(3))
                .andReturn().getResponse().getHeader("Location");

        mvc.perform(get(location).with(httpBasic("buyer1", "buyer1"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Lamp")).andExpect(jsonPath("$.stock").value(3));
        mvc.perform(get("/api/items/999999").with(httpBasic("buyer1", "buyer1"))).andExpect(status().isNotFound());
    }
}
