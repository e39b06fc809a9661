// What the network page needs from npm, exposed as one global: window.HeroesGraph.
import Graph from "graphology";
import Sigma from "sigma";

window.HeroesGraph = { Graph, Sigma };
